/// Activity row ids carry the activity's local day: `day × 2³² + n`, n counting the day's rows from 0. The table
/// is then stored in day order, and a week's activities are one range of row ids, read without any index.
package enum ActivityID {
    /// The first id of `day` (days since 1970-01-01, negative before).
    package static func first(ofDay day: Int) -> Int64 { Int64(day) << 32 }

    /// The ids of the days `from` through `to`.
    static func range(fromDay from: Int, toDay to: Int) -> ClosedRange<Int64> {
        first(ofDay: from)...(first(ofDay: to + 1) - 1)
    }
}
