/// The built-in coaching wording: a YAML document in the same format as a team's own `prompts:` file.
///
/// Placeholders (`{first_name}`, `{channel_rate}`, …) are filled from the seller's evidence; an entry whose
/// placeholders cannot all be filled is left out. See docs/coaching.md for the keys.
enum BuiltInCoaching {
    static let yaml = #"""
        patterns:
          channel-substitution:
            prompts:
              - "Walk me through a day last week: when did you choose {channel} over the phone, and what made that the better move?"
              - "Which of this week's {conversations} conversations would not have happened without the phone?"
          under-activity:
            prompts:
              - "What got in the way of prospecting time this week ({working_days} working days, {calls} calls)?"
              - "If you had one protected hour a day for calls, when would it be?"
            experiences:
              - "Block two 45-minute call sessions this week (Tuesday and Thursday, 9:30), phones only, with me or a peer dialling alongside for the first one. Next week we look at connected calls in those blocks."
          activity-without-conversations:
            prompts:
              - "Of your {calls} calls this week, which ones felt closest to a real conversation, and what was different about them?"
              - "What do you say in the first ten seconds after someone picks up?"
            experiences:
              - "Listen to three of your recorded calls together on Wednesday and rewrite the opener; use the new one for the next two days. Next week we compare connect-to-conversation with your {call_rate} now."
          conversations-without-results:
            prompts:
              - "In your {conversations} conversations this week, how did you decide what the next step should be?"
              - "Which of them ended with a date in both calendars?"
            experiences:
              - "Join me on two discovery calls this week; you lead, I take notes on the close of the call. Next week we count conversations that end with a booked next step."
          fading:
            prompts:
              - "Your calls a day went from your usual level to {outbound_calls_actual} this week. What changed for you?"
              - "What would make prospecting feel worth it again?"
          ramping:
            prompts:
              - "What part of a first call still feels uncertain to you?"
              - "Who on the team would you like to hear on the phone?"
            experiences:
              - "Shadow a teammate's call block on Tuesday, then run your own block on Wednesday with them listening in. Next week we look at how many of your calls become conversations."
          on-standard:
            prompts:
              - "What worked this week that you want to keep doing?"
              - "What would you try if you had one more hour for buyers?"
          on-leave:
            prompts:
              - "Welcome back: what do you want to pick up first?"

        # After an experiment has ended: what a leader asks next, by its verdict (and back-to-old-way: done and
        # working, then the old way again in the report week). Placeholders: {experiment}, {measure},
        # {done_weeks}, {worked_weeks}, {outcome}, {per_day_during}, {per_day_before}, {this_week_actual}.
        experiments:
          back-to-old-way:
            prompts:
              - "“{experiment}” worked: {per_day_during} {outcome} a working day against {per_day_before} before. This week you were back to {this_week_actual} against {measure}. What pulled you back?"
              - "What would make the new way stick: what should stay in your calendar, and what should go?"
            experiences:
              - "Put {measure} back in your calendar as recurring blocks for the next two weeks, and keep one of them with a peer; on Monday we look at the blocks together."
          done-and-working:
            prompts:
              - "“{experiment}” worked: {per_day_during} {outcome} a working day against {per_day_before} before. What made the difference?"
              - "What would make it your normal week, not an experiment?"
            experiences:
              - "Keep {measure} and add one more day next week; then we compare {outcome} on the new day with the others."
          done-not-working:
            prompts:
              - "You did it in {done_weeks} of {worked_weeks} weeks, and {outcome} stayed at {per_day_during} a working day against {per_day_before} before. What did you notice?"
              - "What shall we change in the next attempt: the list, the time of day, the opener?"
            experiences:
              - "Keep {measure} for one more week with one change you choose (list, time or opener); next week we compare {outcome} with the first attempt."
          not-done:
            prompts:
              - "“{experiment}” happened in {done_weeks} of {worked_weeks} weeks. What got in the way?"
              - "What would need to move in your week for it to happen?"
          inconclusive:
            prompts:
              - "We could not tell yet what “{experiment}” did. What would make the test fair: more days, a steadier list, a clearer measure?"

        # Learning from a teammate, per belief the seller holds without their numbers backing it (or default):
        # their-way-works (the teammate's different way on it demonstrably works) or experiment-worked (the
        # teammate's experiment on it ended done and working). Placeholders: {peer}, {peer_first_name},
        # {peer_evidence}, and for an experiment {peer_experiment}, {peer_measure}, {peer_outcome},
        # {peer_per_day_during}, {peer_per_day_before}.
        peers:
          social-beats-calls:
            their-way-works:
              prompts:
                - "{peer_first_name}'s LinkedIn way works: {peer_evidence} What do you think {peer_first_name} does differently?"
              experiences:
                - "A 20-minute session with {peer_first_name} this week: their two best LinkedIn messages, and when they move to the phone. Send your own version to your next 20 prospects; next week we compare the conversations and meetings that follow."
          email-beats-calls:
            their-way-works:
              prompts:
                - "{peer_first_name}'s emails work: {peer_evidence} What do you think {peer_first_name} does differently?"
              experiences:
                - "Ask {peer_first_name} for their two best emails and send your own version to your next 20 prospects; next week we compare the conversations and meetings that follow."
          default:
            their-way-works:
              prompts:
                - "{peer_first_name} holds the same belief, and their numbers back it: {peer_evidence} What would you ask them?"
              experiences:
                - "A 20-minute session with {peer_first_name} this week on how they do it; try one thing from it for the rest of the week, and next week we compare."
            experiment-worked:
              prompts:
                - "{peer_first_name} tested the same belief: “{peer_experiment}” gave {peer_per_day_during} {peer_outcome} a working day against {peer_per_day_before} before. What would you ask them about it?"
              experiences:
                - "Listen to two of {peer_first_name}'s calls this week and ask how they ran “{peer_experiment}”; then try {peer_measure} yourself, and next week we compare {peer_outcome} with your usual weeks."

        beliefs:
          social-beats-calls:
            supported:
              prompts:
                - "{channel_reached} of the {channel_people} people you reached on LinkedIn went on to a conversation or a meeting ({channel_rate}), against {compared_call_rate} of the people you called. What are you doing there that works?"
                - "Could the team learn your LinkedIn approach? What would you show them?"
              experiences:
                - "Run a 20-minute LinkedIn session for the team next week with two of your best messages; for a fortnight we track the meetings that follow the team's LinkedIn touches."
            contradicted:
              prompts:
                - "What have you seen happen when you call instead of connecting on LinkedIn?"
                - "Of the {channel_people} people you reached on LinkedIn, {channel_reached} went on to a conversation or a meeting ({channel_rate}); of the {compared_people} you called, {compared_call_rate} did. What do you make of that?"
              experiences:
                - "Try a phone-first week: call first, then connect on LinkedIn the same day, for your next 20 prospects. Next week we compare conversations against your LinkedIn-only weeks."
            inconclusive:
              prompts:
                - "When LinkedIn works for you, what happens next: how does a reply become a meeting?"
                - "How would we know, in two weeks, whether LinkedIn or the phone gets you further?"
              experiences:
                - "For the next two weeks, split new prospects in two: half phone-first, half LinkedIn-first, 20 each. Then we look at conversations per prospect together."
          email-beats-calls:
            supported:
              prompts:
                - "{channel_reached} of the {channel_people} people you emailed went on to a conversation or a meeting ({channel_rate}), against {compared_call_rate} of the people you called. What makes your emails work?"
              experiences:
                - "Share your two best-performing emails with the team on Friday; for two weeks we track the meetings that follow the team's emails."
            contradicted:
              prompts:
                - "Of the {channel_people} people you emailed, {channel_reached} went on to a conversation or a meeting ({channel_rate}); of the {compared_people} you called, {compared_call_rate} did. What makes email feel like the better bet?"
              experiences:
                - "Call before you email for your next 20 prospects this week. Next week we compare conversations with your email-first weeks."
            inconclusive:
              prompts:
                - "How would we know whether email or the phone gets you further with these buyers?"
              experiences:
                - "Split your next 40 prospects: 20 call-first, 20 email-first. In two weeks we compare conversations per prospect."
          standard-unrealistic:
            supported:
              prompts:
                - "Only {team_share_met} of team weeks reached {target}. What would a realistic standard be, and what would it take?"
              experiences:
                - "Bring your calendar for a typical week to our next one-to-one; we mark what could move to make room for calls, and I take the standard question to the team."
            contradicted:
              prompts:
                - "You reached the standard in {own_weeks_met} of your last {own_weeks} weeks (best: {best_week}). What was different in those weeks?"
                - "{team_share_met} of the team's weeks reached {target}. What do you think those weeks look like?"
                - "What would it take to have one week at {target}, just to see what it brings?"
              experiences:
                - "Rebuild the set-up of your best week on Monday and Tuesday (same hours, same list source). Next week we look at calls a day on those two days."
            inconclusive:
              prompts:
                - "What does a day that reaches {target} look like for you, hour by hour?"
          calls-dont-work-after-rejections:
            supported:
              prompts:
                - "After {rejection_run} rejections in a row, what goes through your head before the next dial?"
              experiences:
                - "Role-play the three objections you heard most, twice, on Thursday with a peer; then a 30-minute call block straight after. Next week we look at conversations from that block."
            contradicted:
              prompts:
                - "A run of {rejection_run} rejections stings. Yet your calls become conversations at {call_rate}, like the team's {team_call_rate}. What do you make of that?"
              experiences:
                - "Next call block, keep a tally: dials, rejections, conversations. On Friday we look at what the tally says about your odds, not your last three calls."
            inconclusive:
              prompts:
                - "What do you do to reset after a hard call?"
          quality-over-quantity:
            supported:
              prompts:
                - "Your calls become conversations at {call_rate} against the team's {team_call_rate}. What does your preparation look like?"
              experiences:
                - "Keep your research routine and add one 30-minute block of calls a day this week. Next week we see whether your rate holds with more volume."
            contradicted:
              prompts:
                - "Your calls become conversations at {call_rate}, the team's at {team_call_rate}. What does the extra preparation buy you?"
              experiences:
                - "For three days, cap research at two minutes a prospect and dial twice as many. Next week we compare conversations with this week's."
            inconclusive:
              prompts:
                - "How much preparation does a good call need, in your experience?"
          volume-is-enough:
            supported:
              prompts:
                - "Your calls convert like the team's ({call_rate}), yet conversations came in below standard. What happened with timing and lists this week?"
            contradicted:
              prompts:
                - "Your calls become conversations at {call_rate}; the team's at {team_call_rate}. What happens in the first ten seconds of your calls?"
              experiences:
                - "Listen to two of your calls and two of a peer's together on Wednesday; pick one thing to change in your opener and use it for the rest of the week. Next week we compare your conversation rate."
            inconclusive:
              prompts:
                - "Which calls this week came closest to a conversation?"
          buyers-not-ready:
            supported:
              prompts:
                - "Your conversations turn into meetings at {meeting_rate}. What tells you a buyer is not ready yet?"
            contradicted:
              prompts:
                - "Your conversations turn into meetings at {meeting_rate}, the team's at {team_meeting_rate}. How do you ask for the next step?"
              experiences:
                - "For every conversation this week, propose a specific next step with a date before hanging up. Next week we count how many ended with one."
            inconclusive:
              prompts:
                - "What happened after your last three good conversations?"
          pipeline-is-enough:
            supported:
              prompts:
                - "You're at {pace} of pace. What does next quarter's pipeline look like if prospecting stays where it is?"
            contradicted:
              prompts:
                - "You're at {pace} of pace this quarter. What would the pipeline need to look like to feel safe?"
              experiences:
                - "Map your open deals against the quarter target together on Monday; then book two call blocks for the gap. Next week we look at new conversations."
            inconclusive:
              prompts:
                - "How confident are you in your pipeline for the rest of the quarter, and why?"
          still-learning:
            supported:
              prompts:
                - "Which questions from buyers do you not feel ready for yet?"
              experiences:
                - "Sit in on two of a senior teammate's calls on Tuesday; on Wednesday they listen to two of yours. Next week we look at your calls that became conversations."
            contradicted:
              prompts:
                - "Your calls already become conversations at {call_rate}, like the team's {team_call_rate}. What would make you want to make more of them?"
              experiences:
                - "Add one 45-minute call block on Tuesday and Thursday this week with the script you already use. Next week we look at conversations from those blocks."
            inconclusive:
              prompts:
                - "What would help you feel ready to pick up the phone more often?"
        """#
}
