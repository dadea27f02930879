//! A minimal XML pull scanner for GPX and TCX: start and end tags (names without their
//! namespace prefix), attributes, text with the five named entities and numeric character
//! references, CDATA sections. Comments, processing instructions and `<!DOCTYPE …>` are
//! skipped. It never validates: a stray `<` is text, end tags need not match, and a
//! document cut short simply ends (`Scanner::cut_at` says where).

/// One piece of the document. Names are local (`gpxtpx:hr` → `hr`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Event<'a> {
    /// `attrs` is the raw attribute text, read with `attr`.
    Start {
        name: &'a str,
        attrs: &'a str,
    },
    End {
        name: &'a str,
    },
    /// Character data as written, entities not yet decoded (`decode_into`).
    Text(&'a str),
    /// The content of a CDATA section, taken literally.
    CData(&'a str),
}

pub(super) struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    /// The end tag owed for an empty-element tag `<a/>`.
    pending_end: Option<&'a str>,
    /// The byte where the document was cut short inside markup, if it was.
    pub cut_at: Option<usize>,
}

/// The name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str) -> Scanner<'a> {
        Scanner {
            src,
            pos: 0,
            pending_end: None,
            cut_at: None,
        }
    }

    /// How far into the document the scanner is, in bytes.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Marks the document as cut short here and ends it.
    fn cut(&mut self) -> Option<Event<'a>> {
        self.cut_at = Some(self.pos);
        self.pos = self.src.len();
        None
    }

    /// The position just after `close`, searched from `from`.
    fn find_after(&self, from: usize, close: &str) -> Option<(usize, usize)> {
        let rest = self.src.get(from..)?;
        let at = rest.find(close)?;
        Some((from + at, from + at + close.len()))
    }

    /// The `>` closing a tag that starts at `self.pos`, skipping any inside quoted values.
    fn tag_end(&self) -> Option<usize> {
        let mut quote: Option<u8> = None;
        let bytes = self.src.as_bytes();
        let mut i = self.pos.checked_add(1)?;
        while let Some(&b) = bytes.get(i) {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => return Some(i),
                (None, _) => {}
            }
            i += 1;
        }
        None
    }

    /// `<!DOCTYPE …>` and other declarations, with a bracketed internal subset.
    fn declaration_end(&self) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let mut depth = 0usize;
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => return Some(i),
                _ => {}
            }
            i += 1;
        }
        None
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(name) = self.pending_end.take() {
            return Some(Event::End { name });
        }
        loop {
            let rest = self.src.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                let text = rest.get(..len)?;
                self.pos += len;
                return Some(Event::Text(text));
            }
            if rest.starts_with("<!--") {
                match self.find_after(self.pos + 4, "-->") {
                    Some((_, after)) => self.pos = after,
                    None => return self.cut(),
                }
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let start = self.pos + 9;
                return match self.find_after(start, "]]>") {
                    Some((end, after)) => {
                        let content = self.src.get(start..end)?;
                        self.pos = after;
                        Some(Event::CData(content))
                    }
                    None => self.cut(),
                };
            }
            if rest.starts_with("<?") {
                match self.find_after(self.pos + 2, "?>") {
                    Some((_, after)) => self.pos = after,
                    None => return self.cut(),
                }
                continue;
            }
            if rest.starts_with("<!") {
                match self.declaration_end() {
                    Some(end) => self.pos = end + 1,
                    None => return self.cut(),
                }
                continue;
            }
            let Some(end) = self.tag_end() else {
                return self.cut();
            };
            let inner = self.src.get(self.pos + 1..end)?;
            if let Some(closing) = inner.strip_prefix('/') {
                self.pos = end + 1;
                return Some(Event::End {
                    name: local(closing.trim()),
                });
            }
            let starts_like_a_name = inner
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':');
            if !starts_like_a_name {
                // Not markup: a lone "<" in sloppy text.
                self.pos += 1;
                return Some(Event::Text("<"));
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(inner) => (inner, true),
                None => (inner, false),
            };
            let name_len = inner
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(inner.len());
            let name = local(inner.get(..name_len)?);
            let attrs = inner.get(name_len..)?;
            self.pos = end + 1;
            if empty {
                self.pending_end = Some(name);
            }
            return Some(Event::Start { name, attrs });
        }
    }
}

/// The value of the attribute `key` (local name) in raw attribute text, entities decoded.
pub(super) fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let name = rest.get(..eq)?.trim();
        rest = rest.get(eq + 1..)?.trim_start();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = rest.get(1..)?;
        let close = body.find(quote)?;
        let value = body.get(..close)?;
        rest = body.get(close + 1..)?;
        if local(name) == key {
            let mut out = String::new();
            decode_into(value, &mut out);
            return Some(out);
        }
    }
}

/// Appends text with its entity and character references decoded. An unknown or broken
/// reference is kept as written; a reference to an impossible character becomes U+FFFD.
pub(super) fn decode_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| after.get(..i)).and_then(|name| {
            Some(match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse::<u32>().ok()?,
                    };
                    char::from_u32(code).unwrap_or('\u{FFFD}')
                }
            })
        });
        match (decoded, semi) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = after.get(i + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(src: &str) -> Vec<Event<'_>> {
        Scanner::new(src).collect()
    }

    #[test]
    fn tags_text_and_empty_elements() {
        let doc = r#"<?xml version="1.0"?><!-- hi --><a x="1"><b:c/>t&amp;u</a>"#;
        assert_eq!(
            events(doc),
            [
                Event::Start {
                    name: "a",
                    attrs: r#" x="1""#
                },
                Event::Start {
                    name: "c",
                    attrs: ""
                },
                Event::End { name: "c" },
                Event::Text("t&amp;u"),
                Event::End { name: "a" },
            ]
        );
    }

    #[test]
    fn cdata_doctype_and_quoted_greater_than() {
        let doc = "<!DOCTYPE gpx [<!ENTITY x \"y\">]><n a='1>2'><![CDATA[<b>&amp;</b>]]></n>";
        let got = events(doc);
        assert_eq!(
            got,
            [
                Event::Start {
                    name: "n",
                    attrs: " a='1>2'"
                },
                Event::CData("<b>&amp;</b>"),
                Event::End { name: "n" },
            ]
        );
        let Event::Start { attrs, .. } = got[0] else {
            unreachable!()
        };
        assert_eq!(attr(attrs, "a").as_deref(), Some("1>2"));
    }

    #[test]
    fn attributes_with_prefixes_spaces_and_entities() {
        let attrs = r#" lat = "52.5"  xsi:lon='13.4' t="a&lt;b&#233;&#x41;""#;
        assert_eq!(attr(attrs, "lat").as_deref(), Some("52.5"));
        assert_eq!(attr(attrs, "lon").as_deref(), Some("13.4"));
        assert_eq!(attr(attrs, "t").as_deref(), Some("a<béA"));
        assert_eq!(attr(attrs, "ele"), None);
        assert_eq!(attr(" broken=", "broken"), None);
    }

    #[test]
    fn references_broken_or_impossible_stay_harmless() {
        let mut out = String::new();
        decode_into("a & b &bogus; &#xD800; &#99999999999; &", &mut out);
        assert_eq!(out, "a & b &bogus; \u{FFFD} &#99999999999; &");
    }

    #[test]
    fn a_cut_document_reports_where() {
        let mut scanner = Scanner::new("<a><b x=\"1");
        assert_eq!(
            scanner.next(),
            Some(Event::Start {
                name: "a",
                attrs: ""
            })
        );
        assert_eq!(scanner.next(), None);
        assert_eq!(scanner.cut_at, Some(3));
        let mut scanner = Scanner::new("<a><!-- never closed");
        assert!(scanner.next().is_some());
        assert_eq!(scanner.next(), None);
        assert_eq!(scanner.cut_at, Some(3));
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(
            events("1 < 2 <3>"),
            [
                Event::Text("1 "),
                Event::Text("<"),
                Event::Text(" 2 "),
                Event::Text("<"),
                Event::Text("3>")
            ]
        );
    }
}
