// SwiftPM links an executable on Linux with `--defsym main=<module>_main` so its entry point can be renamed,
// and `-parse-as-library` (which libFuzzer needs: it brings its own `main`) means Swift never emits that
// symbol. So it is defined here and hands over to libFuzzer's driver, which calls LLVMFuzzerTestOneInput in
// FuzzCSV.swift. With `main` already defined, libFuzzer's own main is not linked in.
#include <stddef.h>
#include <stdint.h>

#include "FuzzDriver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int fuzz_csv_main(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }
