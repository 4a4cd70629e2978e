import PyramidCore

/// Builds small teams by hand: sellers and what they did each working day of each week.
struct TeamBuilder {
    let week: ISOWeek
    var config = WorkspaceConfig()
    var sellers: [Seller] = []
    var timeOff: [TimeOff] = []
    var tallies: [DayTally] = []
    var deals: [DealFact] = []
    var dealsImported: Bool?
    var logging: [String: LoggingPattern] = [:]
    var coaching: [CoachingEntry] = []
    var journeys: [String: [ContactTouch]] = [:]

    init(week: String = "2026-W46") {
        self.week = ISOWeek(week) ?? ISOWeek(containing: LocalDate(daysSinceEpoch: 20_400))
    }

    /// Adds a seller who started long ago.
    mutating func add(_ email: String, team: String = "East", role: String = "SDR", start: LocalDate? = nil) {
        sellers.append(
            Seller(
                email: email, name: email.split(separator: "@").first.map { $0.capitalized } ?? email, team: team,
                role: role, startDate: start ?? LocalDate(year: 2024, month: 1, day: 8)))
    }

    /// The same working day, Monday to Friday, for `weeks` weeks back (0 = the report week).
    mutating func workdays(_ email: String, weeksBack: ClosedRange<Int>, _ fill: (inout DayTally) -> Void) {
        for back in weeksBack {
            for offset in 0..<5 {
                let day = week.adding(weeks: -back).monday.adding(days: offset)
                var tally = DayTally(email: email, day: day)
                fill(&tally)
                tallies.append(tally)
            }
        }
    }

    /// A won deal closed on the report week's Monday.
    mutating func won(_ email: String, _ amount: Double) {
        deals.append(DealFact(email: email, status: .won, amount: amount, closeDate: week.monday))
    }

    /// Contact journeys on the same working days as `workdays`: each day, `calls` new people are called (the
    /// first `conversations` of them held a three-minute conversation), `linkedin` and `emails` new people are
    /// touched on those channels, and `meetings` of the LinkedIn people (else of the email people) meet the same
    /// day. Contacts are named per seller, day and place, so no two days share one.
    mutating func contacts(
        _ email: String, weeksBack: ClosedRange<Int>, calls: Int = 0, conversations: Int = 0, linkedin: Int = 0,
        emails: Int = 0, meetings: Int = 0, contactsNamed: Bool = true
    ) {
        for back in weeksBack {
            for offset in 0..<5 {
                let day = week.adding(weeks: -back).monday.adding(days: offset)
                func person(_ kind: String, _ i: Int) -> Int? {
                    contactsNamed ? ContactKey.number(contact: "\(kind)-\(day)-\(i)", company: "") : nil
                }
                var touches: [ContactTouch] = []
                for i in 0..<calls {
                    touches.append(
                        ContactTouch(
                            contact: person("call", i), day: day, kind: .call,
                            outcome: i < conversations ? .connected : .noAnswer,
                            durationSeconds: i < conversations ? 180 : 20))
                }
                for i in 0..<linkedin {
                    touches.append(ContactTouch(contact: person("li", i), day: day, kind: .linkedin))
                }
                for i in 0..<emails { touches.append(ContactTouch(contact: person("em", i), day: day, kind: .email)) }
                for i in 0..<meetings {
                    let met = linkedin > 0 ? person("li", i) : person("em", i)
                    touches.append(ContactTouch(contact: met, day: day, kind: .meeting, outcome: .held))
                }
                journeys[email, default: []].append(contentsOf: touches)
            }
        }
    }

    /// Priya (priya@x.com): five calls a day, twenty LinkedIn touches with four replies, one of those people met
    /// each day, and results well ahead of pace: a different way that works.
    mutating func addPriya() {
        add("priya@x.com")
        workdays("priya@x.com", weeksBack: 0...8) {
            $0.calls(5, conversations: 0)
            $0.linkedin(20, replies: 4)
            $0.meetings(held: 1)
        }
        contacts("priya@x.com", weeksBack: 0...8, calls: 5, linkedin: 20, meetings: 1)
        won("priya@x.com", 90_000)
    }

    func snapshot() -> TeamSnapshot {
        var snapshot = TeamSnapshot(
            week: week, sellers: sellers, timeOff: timeOff, tallies: tallies, deals: deals,
            dealsImported: dealsImported, logging: logging, coaching: coaching)
        snapshot.journeys = journeys
        return snapshot
    }

    func diagnose() -> TeamDiagnosis { PyramidModel.diagnose(snapshot(), config: config) }

    func diagnosis(of email: String) -> SellerDiagnosis? {
        diagnose().sellers.first { $0.seller.email == email }
    }
}

extension DayTally {
    /// A day of `calls` outbound calls, `conversations` of which became conversations.
    mutating func calls(_ calls: Int, conversations: Int = 0) {
        outboundCalls = calls
        connectedCalls = conversations
        callConversations = conversations
        activities += calls
    }

    mutating func linkedin(_ touches: Int, replies: Int = 0) {
        linkedinTouches = touches
        linkedinReplies = replies
        activities += touches + replies
    }

    mutating func emails(_ count: Int, replies: Int = 0) {
        outboundEmails = count
        emailReplies = replies
        activities += count + replies
    }

    mutating func meetings(held: Int) {
        meetingsHeld = held
        activities += held
    }
}
