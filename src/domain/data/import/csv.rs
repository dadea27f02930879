//! A CSV reader after RFC 4180: fields separated by commas, records by CRLF or LF (a lone
//! CR too); a field in double quotes may hold commas, line breaks and doubled quotes
//! (`""` is one `"`). It is lenient where the RFC is strict: a quote inside an unquoted
//! field, or text after a closing quote, is kept as written. The caller drops a
//! byte-order mark.

/// Every record in order, each a list of fields.
#[derive(Debug, PartialEq)]
pub(super) struct Records {
    pub rows: Vec<Vec<String>>,
    /// The text ended inside a quoted field (which then runs to the end).
    pub unclosed_quote: bool,
}

pub(super) fn read_records(text: &str) -> Records {
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    // The current field began with a quote (so `""` is an empty field, not an open one).
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut fields));
                quoted = false;
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() || quoted {
        fields.push(field);
        rows.push(fields);
    }
    Records {
        rows,
        unclosed_quote: in_quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        read_records(text).rows
    }

    #[test]
    fn quoted_fields_hold_commas_line_breaks_and_quotes() {
        let text = "a,b,c\r\n\"x, y\",\"line 1\r\nline 2\",\"say \"\"hi\"\"\"\n1,,\"\"\n";
        assert_eq!(
            rows(text),
            [
                vec!["a", "b", "c"],
                vec!["x, y", "line 1\r\nline 2", "say \"hi\""],
                vec!["1", "", ""],
            ]
        );
    }

    #[test]
    fn line_endings_and_the_last_line() {
        assert_eq!(rows("a\rb\nc\r\nd"), [["a"], ["b"], ["c"], ["d"]]);
        assert_eq!(rows("a,b\n\n"), [vec!["a", "b"], vec![""]]);
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("\"\""), [[""]]);
    }

    #[test]
    fn sloppy_quotes_are_kept_as_written() {
        assert_eq!(rows("ab\"c,\"d\"e"), [["ab\"c", "de"]]);
        let open = read_records("a,\"never closed\nstill");
        assert!(open.unclosed_quote);
        assert_eq!(open.rows, [["a", "never closed\nstill"]]);
    }
}
