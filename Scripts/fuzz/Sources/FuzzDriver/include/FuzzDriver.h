// The fuzzer's `main`, for SwiftPM's renamed entry point (see FuzzDriver.c).
int fuzz_csv_main(int argc, char **argv);
