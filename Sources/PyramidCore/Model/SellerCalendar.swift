/// Which days a seller was expected to work: the team's working days, minus holidays, minus their time off,
/// within their employment (start to end date).
public struct SellerCalendar: Sendable {
    let seller: Seller
    let config: WorkspaceConfig
    let timeOff: [TimeOff]

    /// Creates the calendar of `seller`.
    public init(seller: Seller, config: WorkspaceConfig, timeOff: [TimeOff]) {
        self.seller = seller
        self.config = config
        self.timeOff = timeOff.filter { $0.email == seller.email }
    }

    /// Whether the seller was employed on `date`.
    public func isEmployed(on date: LocalDate) -> Bool {
        if let start = seller.startDate, date < start { return false }
        if let end = seller.endDate, date > end { return false }
        return true
    }

    /// Whether `date` was a working day for the seller.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        config.isWorkingDay(date) && isEmployed(on: date) && !timeOff.contains { $0.contains(date) }
    }

    /// The seller's working days in `week`.
    public func workingDays(in week: ISOWeek) -> Int {
        week.days.filter(isWorkingDay).count
    }

    /// The share of every target the seller is held to in `week`: the ramp step for their month since
    /// starting, else 1.
    public func rampShare(in week: ISOWeek) -> Double {
        guard let month = rampMonth(in: week), month < config.ramp.count else { return 1 }
        return config.ramp[month]
    }

    /// The seller's month since starting (0 = first month) at the week's Thursday; nil without a start date.
    public func rampMonth(in week: ISOWeek) -> Int? {
        guard let start = seller.startDate else { return nil }
        let thursday = week.monday.adding(days: 3)
        guard thursday >= start else { return 0 }
        var months = (thursday.year - start.year) * 12 + (thursday.month - start.month)
        if thursday.day < start.day { months -= 1 }
        return max(0, months)
    }

    /// True while the ramp applies in `week`.
    public func isRamping(in week: ISOWeek) -> Bool {
        guard let month = rampMonth(in: week) else { return false }
        return month < config.ramp.count
    }

    /// Weeks since the ramp ended, at `week` (nil while ramping or without a start date).
    public func weeksSinceRampEnded(at week: ISOWeek) -> Int? {
        guard let start = seller.startDate, !isRamping(in: week) else { return nil }
        var end = start
        for _ in 0..<config.ramp.count { end = end.addingMonth() }
        let days = week.monday.daysSinceEpoch - end.daysSinceEpoch
        return days >= 0 ? days / 7 : nil
    }
}

/// The calendar quarter around a week, and how much of its working time has gone by.
public struct QuarterProgress: Sendable, Hashable, Codable {
    /// First day of the quarter.
    public var start: LocalDate
    /// Last day of the quarter.
    public var end: LocalDate
    /// The share of the quarter's working days gone by at the end of the report week (0–1).
    public var elapsedShare: Double
    /// Working days left after the report week.
    public var workingDaysLeft: Int

    /// The quarter holding `week`'s Thursday, as of the week's Sunday.
    public init(week: ISOWeek, config: WorkspaceConfig) {
        let thursday = week.monday.adding(days: 3)
        let firstMonth = (thursday.quarter - 1) * 3 + 1
        start = LocalDate(valid: thursday.year, firstMonth, 1)
        let lastMonth = firstMonth + 2
        end = LocalDate(valid: thursday.year, lastMonth, LocalDate.daysIn(month: lastMonth, year: thursday.year))
        let sunday = week.monday.adding(days: 6)
        var total = 0
        var gone = 0
        var day = start
        while day <= end {
            if config.isWorkingDay(day) {
                total += 1
                if day <= sunday { gone += 1 }
            }
            day = day.adding(days: 1)
        }
        elapsedShare = total > 0 ? Double(gone) / Double(total) : 1
        workingDaysLeft = total - gone
    }
}

extension LocalDate {
    /// The same day next month (clamped to the month's end).
    func addingMonth() -> LocalDate {
        let month = self.month == 12 ? 1 : self.month + 1
        let year = self.month == 12 ? self.year + 1 : self.year
        return LocalDate(valid: year, month, Swift.min(day, LocalDate.daysIn(month: month, year: year)))
    }
}
