use super::*;

#[test]
fn text_is_escaped() {
    assert_eq!(escape(r"a,b;c\d"), r"a\,b\;c\\d");
    assert_eq!(escape("line 1\r\nline 2"), r"line 1\nline 2");
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_characters() {
    let line = format!("SUMMARY:{}", "é".repeat(60));
    let folded = fold(&line);
    for part in folded.split("\r\n") {
        assert!(part.len() <= 75, "{} octets: {part}", part.len());
    }
    let parts: Vec<&str> = folded.split("\r\n").collect();
    assert!(parts.len() >= 2);
    assert!(parts[1..].iter().all(|p| p.starts_with(' ')));
    let unfolded = folded.replace("\r\n ", "");
    assert_eq!(unfolded, line);
    assert_eq!(fold("SHORT"), "SHORT");
}

#[test]
fn durations_match_the_rfc_grammar() {
    assert_eq!(duration(540), "PT9H");
    assert_eq!(duration(-3 * 1440 + 540), "-P2DT15H");
    assert_eq!(duration(-1440 + 540), "-PT15H");
    assert_eq!(duration(0), "PT0M");
    assert_eq!(duration(-2 * 1440), "-P2D");
    assert_eq!(duration(90), "PT1H30M");
}

#[test]
fn every_event_has_its_alarm_and_an_exclusive_end() {
    let event = CalendarEvent {
        uid: "x@restride".into(),
        first_day: "2026-12-01".parse().unwrap(),
        last_day: "2026-12-04".parse().unwrap(),
        summary: "Deep massage, maybe".into(),
        description: "why".into(),
        alarm_minutes: Some(540),
    };
    let stamp = "2026-11-27T15:30:00".parse().unwrap();
    let text = calendar(&[event], stamp);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("\r\nDTSTART;VALUE=DATE:20261201\r\n"));
    assert!(text.contains("\r\nDTEND;VALUE=DATE:20261205\r\n"));
    assert!(text.contains("\r\nDTSTAMP:20261127T153000Z\r\n"));
    assert!(text.contains("\r\nSUMMARY:Deep massage\\, maybe\r\n"));
    assert!(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
    assert!(text.contains("\r\nTRIGGER:PT9H\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in {text}"
    );
}
