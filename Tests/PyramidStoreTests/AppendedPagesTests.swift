import Foundation
import GRDB
import Testing

@testable import PyramidStore

/// A large import's appended pages are handed to the disk a step at a time, and nothing else is.
@Suite(.serialized)
struct AppendedPagesTests {
    @Test func everyStepTheFileGrowsIsHandedOverOnceFromWhereTheFileEndedBefore() throws {
        // Given a workspace file, and a transaction that appends to it through a cache too small to hold it
        let scratch = try WorkspaceFileTests.Scratch()
        defer { scratch.remove() }
        let store = try Store(url: scratch.url)
        try importFile(store, fixture("generic/roster.csv"))
        let sizeBefore = try #require(
            FileManager.default.attributesOfItem(atPath: scratch.url.path)[.size] as? Int64)
        let step: Int64 = 64 << 10
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -64")
            try AppendedPages.following(db, step: step) { appended in
                let pages = try #require(appended)
                try db.inTransaction(.immediate) {
                    pages.importBegan()
                    #expect(pages.handedOver == sizeBefore)
                    // When rows are written and the import says so after each few
                    let text = String(repeating: "x", count: 1_000)
                    for chunk in 0..<40 {
                        for row in 0..<50 {
                            try db.execute(
                                sql: """
                                    INSERT INTO quarantine (import_id, file, sha256, line, reason, raw)
                                    VALUES (1, 'f.csv', 's', ?, 'test', ?)
                                    """,
                                arguments: [chunk * 50 + row, text])
                        }
                        pages.importWrote()
                    }
                    // Then the ranges handed over follow each other from the old end of the file, a step or more each,
                    // and what is left is less than a step
                    let sizeNow = try #require(
                        FileManager.default.attributesOfItem(atPath: scratch.url.path)[.size] as? Int64)
                    #expect(pages.handOvers.count >= 10)
                    var expectedOffset = sizeBefore
                    for range in pages.handOvers {
                        #expect(range.offset == expectedOffset)
                        #expect(range.length >= step)
                        expectedOffset += range.length
                    }
                    #expect(expectedOffset == pages.handedOver)
                    #expect(sizeNow - pages.handedOver < step)
                    return .rollback
                }
            }
        }
    }

    @Test func aWorkspaceInMemoryHasNoFileToHandOver() throws {
        let store = try Store.inMemory()
        try store.writer.write { db in AppendedPages.following(db) { #expect($0 == nil) } }
    }
}
