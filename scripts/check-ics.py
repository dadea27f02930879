#!/usr/bin/env python3
"""Checks iCalendar (.ics, RFC 5545) files independently of the app that wrote them.

Usage: python3 scripts/check-ics.py [--expect-json EXPECT.json] [--alarms-after YYYY-MM-DDTHH:MM]
       FILE.ics [FILE2.ics ...]

Per file: the raw lines (CRLF endings, at most 75 octets, folds start with one space,
BEGIN/END nesting), then a parse with the `icalendar` package (VERSION:2.0, PRODID,
VEVENTs with UID, DTSTAMP, DTSTART and SUMMARY, unique UIDs, a VALARM on each unless
its DESCRIPTION says "No alarm:" and why). With --alarms-after, every alarm must ring
after that local time (the moment the file was saved): an alarm in the past never rings.
With --expect-json, events named there by UID must exist with the given SUMMARY,
DTSTART date and a DESCRIPTION containing the given text, after unescaping, e.g.

  [{"uid": "...", "summary": "...", "dtstart": "YYYY-MM-DD", "description_contains": "..."}]

Prints `ics ok: FILE (N events)` for a good file; otherwise one line per problem,
naming the file (and the event's UID), and exits 1. Exits 2 on wrong usage.
scripts/setup.sh installs `icalendar` into .venv; run with any python3, it hands over to
.venv/bin/python when its own python lacks the package.
"""

import argparse
import datetime
import json
import os
import re
import sys

try:
    import icalendar
except ImportError:
    # Run by a python3 without icalendar: hand over to the project's .venv (scripts/setup.sh).
    VENV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".venv")
    VENV_PYTHON = os.path.join(VENV, "bin", "python")
    if os.path.exists(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
    print(
        "check-ics: the Python package 'icalendar' is missing; run scripts/setup.sh and use"
        " .venv/bin/python scripts/check-ics.py",
        file=sys.stderr,
    )
    sys.exit(2)

MAX_OCTETS = 75
NAME = r"[A-Za-z0-9-]+"
PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
CONTENT_LINE = re.compile(rf"{NAME}(?:;{NAME}={PARAM_VALUE}(?:,{PARAM_VALUE})*)*:")
REQUIRED_ONCE_IN_EVENT = ("UID", "DTSTAMP", "DTSTART", "SUMMARY")
EXPECT_KEYS = {"uid", "summary", "dtstart", "description_contains"}


class Report:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def add(self, message, uid=None, line=None):
        """`uid` is an event's UID, or a label such as '#2 (no UID)' starting with '#'."""
        where = self.path
        if line is not None:
            where += f":{line}"
        if uid is not None:
            where += f": event {uid}" if uid.startswith("#") else f": event UID {uid!r}"
        self.problems.append(f"ics error: {where}: {message}")


def check_lines(data, report):
    """RFC 5545 §3.1: CRLF line ends, 75-octet lines, folds starting with a space."""
    if not data:
        report.add("the file is empty")
        return
    if data.startswith(b"\xef\xbb\xbf"):
        report.add("starts with a UTF-8 byte order mark", line=1)
        data = data[3:]

    lines = data.split(b"\n")
    unterminated = lines[-1] != b""
    if unterminated:
        report.add("the last line does not end with CRLF", line=len(lines))
    else:
        lines.pop()
    bare_lf = [
        number
        for number, line in enumerate(lines, start=1)
        if not line.endswith(b"\r") and not (unterminated and number == len(lines))
    ]
    if bare_lf:
        report.add(f"{len(bare_lf)} line(s) end with a bare LF instead of CRLF", line=bare_lf[0])
    lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]

    logical = []  # [first physical line number, unfolded bytes, a fold split UTF-8]
    for number, line in enumerate(lines, start=1):
        if b"\r" in line:
            report.add("a bare CR inside a line", line=number)
        if len(line) > MAX_OCTETS:
            report.add(
                f"line is {len(line)} octets long, more than {MAX_OCTETS} (fold it)", line=number
            )
        try:
            line.decode("utf-8")
            split_utf8 = False
        except UnicodeDecodeError:
            split_utf8 = True
        if line == b"":
            report.add("empty line", line=number)
        elif line[:1] in (b" ", b"\t"):
            if line[:1] == b"\t":
                report.add("continuation line starts with a TAB, not a single space", line=number)
            if not logical:
                report.add("the first line is a continuation line", line=number)
                continue
            logical[-1][1] += line[1:]
            logical[-1][2] = logical[-1][2] or split_utf8
        elif re.match(rb"[A-Za-z0-9-]", line):
            logical.append([number, line, split_utf8])
        else:
            report.add(
                "line neither starts a property (NAME...:) nor continues one (leading space)",
                line=number,
            )

    for number, line, split_utf8 in logical:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            report.add("not valid UTF-8", line=number)
            continue
        if split_utf8:
            report.add("a fold splits a multi-octet UTF-8 character", line=number)

    stack = []
    for number, line, _ in logical:
        text = line.decode("utf-8", errors="replace")
        if not CONTENT_LINE.match(text):
            report.add(f"not a content line NAME[;PARAM=...]:VALUE: {text[:40]!r}", line=number)
            continue
        name, _, value = text.partition(":")
        if name.upper() == "BEGIN":
            stack.append(value.upper())
        elif name.upper() == "END":
            if not stack or stack[-1] != value.upper():
                expected = f"END:{stack[-1]}" if stack else "nothing"
                report.add(f"END:{value} where {expected} was due", line=number)
                return
            stack.pop()
    if stack:
        report.add(f"BEGIN:{stack[-1]} is never ended")


def single(component, name, report, uid=None):
    """The one value of property `name`, or None after reporting why not."""
    value = component.get(name)
    if value is None:
        report.add(f"{component.name} has no {name}", uid=uid)
        return None
    if isinstance(value, list):
        report.add(f"{component.name} has {name} {len(value)} times, at most once is allowed", uid=uid)
        return None
    return value


def check_alarm(alarm, report, uid):
    action = single(alarm, "ACTION", report, uid)
    single(alarm, "TRIGGER", report, uid)
    if action is not None:
        kind = str(action).upper()
        if kind == "DISPLAY":
            single(alarm, "DESCRIPTION", report, uid)
        elif kind == "EMAIL":
            single(alarm, "DESCRIPTION", report, uid)
            single(alarm, "SUMMARY", report, uid)
            if alarm.get("ATTENDEE") is None:
                report.add("VALARM with ACTION:EMAIL has no ATTENDEE", uid=uid)
        elif kind != "AUDIO" and not kind.startswith("X-"):
            report.add(f"VALARM has an unknown ACTION {kind!r}", uid=uid)
    if (alarm.get("DURATION") is None) != (alarm.get("REPEAT") is None):
        report.add("VALARM has only one of DURATION and REPEAT; both or neither", uid=uid)


def check_event(event, index, report):
    uid_value = event.get("UID")
    uid = str(uid_value) if uid_value is not None and not isinstance(uid_value, list) else None
    label = uid if uid is not None else f"#{index} (no UID)"
    for name in REQUIRED_ONCE_IN_EVENT:
        single(event, name, report, label)
    for prop, error in event.errors:
        report.add(f"{prop or 'a line'} could not be read: {error}", uid=label)

    dtstamp = event.get("DTSTAMP")
    if dtstamp is not None and not isinstance(dtstamp, list):
        if not hasattr(dtstamp, "to_ical") or not dtstamp.to_ical().endswith(b"Z"):
            report.add("DTSTAMP must be a UTC date-time (ending in Z)", uid=label)
    if event.get("DTEND") is not None and event.get("DURATION") is not None:
        report.add("VEVENT has both DTEND and DURATION", uid=label)

    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    if not alarms and "No alarm:" not in str(event.get("DESCRIPTION", "")):
        report.add("VEVENT has no VALARM (and its DESCRIPTION does not say why)", uid=label)
    for alarm in alarms:
        for prop, error in alarm.errors:
            report.add(f"VALARM {prop or 'line'} could not be read: {error}", uid=label)
        check_alarm(alarm, report, label)
    return uid


def event_date(event):
    value = event.get("DTSTART")
    dt = getattr(value, "dt", None)
    if isinstance(dt, datetime.datetime):
        return dt.date()  # the date as written, in the value's own time zone
    if isinstance(dt, datetime.date):
        return dt
    return None


def check_expected(events_by_uid, expected, report):
    for item in expected:
        uid = item["uid"]
        event = events_by_uid.get(uid)
        if event is None:
            report.add("expected event is missing", uid=uid)
            continue
        if "summary" in item:
            summary = event.get("SUMMARY")
            actual = None if summary is None or isinstance(summary, list) else str(summary)
            if actual != item["summary"]:
                report.add(f"SUMMARY is {actual!r}, expected {item['summary']!r}", uid=uid)
        if "dtstart" in item:
            actual = event_date(event)
            shown = actual.isoformat() if actual else None
            if shown != item["dtstart"]:
                report.add(f"DTSTART date is {shown!r}, expected {item['dtstart']!r}", uid=uid)
        if "description_contains" in item:
            description = event.get("DESCRIPTION")
            if description is None or isinstance(description, list):
                report.add("DESCRIPTION is missing (or repeated)", uid=uid)
            elif item["description_contains"] not in str(description):
                report.add(
                    f"DESCRIPTION {str(description)!r} does not contain"
                    f" {item['description_contains']!r}",
                    uid=uid,
                )


def alarm_times(event):
    """Each alarm's local time: a relative TRIGGER counts from the start of an all-day
    DTSTART (local midnight) or from a DTSTART date-time."""
    start = getattr(event.get("DTSTART"), "dt", None)
    if isinstance(start, datetime.datetime):
        start = start.replace(tzinfo=None)
    elif isinstance(start, datetime.date):
        start = datetime.datetime.combine(start, datetime.time())
    times = []
    for alarm in (c for c in event.subcomponents if c.name == "VALARM"):
        trigger = getattr(alarm.get("TRIGGER"), "dt", None)
        if isinstance(trigger, datetime.timedelta) and start is not None:
            times.append(start + trigger)
        elif isinstance(trigger, datetime.datetime):
            times.append(trigger.replace(tzinfo=None))
    return times


def check_alarms_after(events_by_uid, after, report):
    for uid, event in events_by_uid.items():
        for at in alarm_times(event):
            if at <= after:
                report.add(f"the alarm rings at {at.isoformat()}, not after {after.isoformat()}", uid=uid)


def check_file(path, expected, alarms_after=None):
    report = Report(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        report.add(f"cannot be read: {err.strerror}")
        return report, 0

    check_lines(data, report)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as err:  # icalendar raises ValueError and a few others
        report.add(f"icalendar cannot parse it: {err}")
        return report, 0
    if calendar.name != "VCALENDAR":
        report.add(f"the top component is {calendar.name}, not VCALENDAR")
        return report, 0

    for prop, error in calendar.errors:
        report.add(f"VCALENDAR {prop or 'line'} could not be read: {error}")
    version = single(calendar, "VERSION", report)
    if version is not None and str(version) != "2.0":
        report.add(f"VERSION is {str(version)!r}, must be 2.0")
    prodid = single(calendar, "PRODID", report)
    if prodid is not None and not str(prodid).strip():
        report.add("PRODID is empty")

    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    if not events:
        report.add("the calendar has no VEVENT")
    events_by_uid = {}
    for index, event in enumerate(events, start=1):
        uid = check_event(event, index, report)
        if uid is None:
            continue
        if uid in events_by_uid:
            report.add("UID is used by more than one VEVENT", uid=uid)
        else:
            events_by_uid[uid] = event

    if expected is not None:
        check_expected(events_by_uid, expected, report)
    if alarms_after is not None:
        check_alarms_after(events_by_uid, alarms_after, report)
    return report, len(events)


def load_expected(path):
    """The --expect-json list, or exits 2 with the reason."""
    try:
        with open(path, encoding="utf-8") as handle:
            items = json.load(handle)
    except (OSError, ValueError) as err:
        sys.exit(f"check-ics: cannot read --expect-json {path}: {err}")
    if not isinstance(items, list):
        sys.exit(f"check-ics: {path} must hold a JSON list of objects")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("uid"), str):
            sys.exit(f"check-ics: {path} item {number} must be an object with a string \"uid\"")
        unknown = set(item) - EXPECT_KEYS
        if unknown:
            sys.exit(f"check-ics: {path} item {number} has unknown keys {sorted(unknown)}")
        for key in EXPECT_KEYS:
            if key in item and not isinstance(item[key], str):
                sys.exit(f"check-ics: {path} item {number}: \"{key}\" must be a string")
        if "dtstart" in item:
            try:
                datetime.date.fromisoformat(item["dtstart"])
            except ValueError:
                sys.exit(f"check-ics: {path} item {number}: \"dtstart\" must be YYYY-MM-DD")
    return items


def main():
    parser = argparse.ArgumentParser(description="Check iCalendar (RFC 5545) files.")
    parser.add_argument("files", nargs="+", metavar="FILE.ics")
    parser.add_argument(
        "--expect-json",
        metavar="PATH",
        help='JSON list of {"uid", "summary", "dtstart", "description_contains"} to find'
        " in every file",
    )
    parser.add_argument(
        "--alarms-after",
        metavar="YYYY-MM-DDTHH:MM",
        help="local time the file was saved: every alarm must ring after it",
    )
    args = parser.parse_args()
    expected = load_expected(args.expect_json) if args.expect_json else None
    after = None
    if args.alarms_after:
        try:
            after = datetime.datetime.fromisoformat(args.alarms_after)
        except ValueError:
            sys.exit(f"check-ics: --alarms-after {args.alarms_after!r} is not YYYY-MM-DDTHH:MM")

    failed = False
    for path in args.files:
        report, count = check_file(path, expected, after)
        if report.problems:
            failed = True
            for problem in report.problems:
                print(problem, file=sys.stderr)
        else:
            print(f"ics ok: {path} ({count} events)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
