import Foundation
import PyramidCore

/// The four HubSpot activity exports, as the UI writes them: property labels, owner full names, local times.
struct HubSpotFiles {
    let calls: CSVFile
    let emails: CSVFile
    let tasks: CSVFile
    let meetings: CSVFile

    init(calls: URL, emails: URL, tasks: URL, meetings: URL) throws {
        self.calls = try CSVFile(
            url: calls,
            header: [
                "Record ID", "Call Title", "Activity date", "Activity assigned to", "Call outcome", "Call direction",
                "Call duration", "Call notes", "Create Date", "Associated Contact", "Associated Company",
            ])
        self.emails = try CSVFile(
            url: emails,
            header: [
                "Record ID", "Email subject", "Activity date", "Activity assigned to", "Email direction",
                "Associated Contact", "Associated Company",
            ])
        self.tasks = try CSVFile(
            url: tasks,
            header: [
                "Record ID", "Task title", "Task type", "Task status", "Activity date", "Activity assigned to",
                "Associated Contact", "Associated Company",
            ])
        self.meetings = try CSVFile(
            url: meetings,
            header: [
                "Record ID", "Meeting name", "Meeting start time", "Activity assigned to", "Meeting outcome",
                "Associated Contact", "Associated Company",
            ])
    }

    func write(_ a: SampleActivity, owner: String) throws {
        let id = "\(40_000_000_000 + a.id)"
        let time = a.day.description + " " + clock(a.secondsOfDay)
        switch a.kind {
        case .call:
            let outcome: String =
                switch a.outcome {
                case .connected: "Connected"
                case .voicemail: "Left voicemail"
                case .busy: "Busy"
                case .wrongNumber: "Wrong number"
                case .notInterested: "Not interested"
                default: "No answer"
                }
            try calls.row([
                id, "Call with \(a.contact)", time, owner, outcome, "OUTBOUND", duration(a.durationSeconds), a.note,
                time, a.contact, a.company,
            ])
        case .email:
            let direction = a.direction == .inbound ? "INCOMING_EMAIL" : "EMAIL"
            let subject =
                a.direction == .inbound ? "Re: Quick question for \(a.company)" : "Quick question for \(a.company)"
            try emails.row([id, subject, time, owner, direction, a.contact, a.company])
        case .linkedin:
            // HubSpot tasks record that a LinkedIn step was done, never whether the buyer replied.
            guard a.direction == .outbound else { return }
            let type = a.outcome == .accepted ? "LINKED_IN_CONNECT" : "LINKED_IN_MESSAGE"
            try tasks.row([id, "LinkedIn: \(a.contact)", type, "COMPLETED", time, owner, a.contact, a.company])
        case .meeting:
            let outcome = a.outcome == .held ? "COMPLETED" : "NO_SHOW"
            try meetings.row([id, "Discovery: \(a.company)", time, owner, outcome, a.contact, a.company])
        case .other:
            break
        }
    }

    func close() throws {
        for file in [calls, emails, tasks, meetings] { try file.close() }
    }
}

/// A Salesforce activities report ("Details Only" CSV): labels, every cell quoted, US dates, the footer.
struct SalesforceReportFile {
    let file: CSVFile

    static let footer = """

        "Confidential Information - Do Not Distribute"
        "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."

        """

    init(url: URL) throws {
        file = try CSVFile(
            url: url,
            header: [
                "Assigned", "Subject", "Task Subtype", "Date", "Start", "Call Type", "Direction", "Call Result",
                "Call Duration", "Status", "Contact", "Company / Account", "Activity ID", "Comments",
            ], quoteAll: true)
    }

    func write(_ a: SampleActivity, owner: String) throws {
        // A LinkedIn task records the touch, never the buyer's reply.
        if a.kind == .linkedin && a.direction == .inbound { return }
        let subtype: String =
            switch a.kind {
            case .call: "Call"
            case .email: "Email"
            case .linkedin: "LinkedIn"
            case .meeting: "Event"
            case .other: "Task"
            }
        let subject: String =
            switch a.kind {
            case .call: "Call"
            case .email: a.direction == .inbound ? "Email: Re: follow-up" : "Email: follow-up"
            case .linkedin: "LinkedIn message"
            case .meeting: "Meeting: \(a.company)"
            case .other: "Task"
            }
        let result: String =
            switch (a.kind, a.outcome) {
            case (.call, .connected): "Had Conversation"
            case (.call, .voicemail): "Left Voice Mail"
            case (.call, .busy): "Busy"
            case (.call, .wrongNumber): "Bad Number"
            case (.call, .notInterested): "Not Interested"
            case (.call, _): "No Answer"
            case (.meeting, .held): "Completed"
            case (.meeting, _): "No Show"
            default: ""
            }
        let id = "00TDn0000" + String(String(100_000_000 + a.id).suffix(9))
        try file.row([
            owner, subject, subtype, Self.date(a.day), Self.date(a.day) + " " + Self.time12(a.secondsOfDay),
            a.kind == .call ? "Outbound" : "",
            a.kind == .call ? "" : (a.direction == .inbound ? "Inbound" : "Outbound"),
            result, a.kind == .call ? "\(a.durationSeconds)" : "", "Completed", a.contact, a.company, id, a.note,
        ])
    }

    func close() throws {
        try file.raw(Self.footer)
        try file.close()
    }

    /// `11/9/2026`.
    static func date(_ day: LocalDate) -> String { "\(day.month)/\(day.day)/\(day.year)" }

    /// `9:05 AM`.
    static func time12(_ seconds: Int) -> String {
        let hour = seconds / 3600
        let minute = seconds / 60 % 60
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        return "\(h12):\(minute < 10 ? "0" : "")\(minute) \(hour < 12 ? "AM" : "PM")"
    }
}

/// `09:05`.
func clock(_ seconds: Int) -> String {
    let hour = seconds / 3600
    let minute = seconds / 60 % 60
    return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
}

/// `00:03:05`.
func duration(_ seconds: Int) -> String {
    let parts = [seconds / 3600, seconds / 60 % 60, seconds % 60]
    return parts.map { ($0 < 10 ? "0" : "") + "\($0)" }.joined(separator: ":")
}
