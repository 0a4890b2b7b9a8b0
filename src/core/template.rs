//! Filling `{name}` placeholders in the URL and body templates a site
//! configures, in one pass: a value is never searched for placeholders again,
//! so a comment that says "{name}" or an id that holds "{value}" goes out as
//! written.

/// Replaces each `{key}` of `pairs` in `template` with its value; other
/// braces stay as they are.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let found = pairs.iter().find(|(key, _)| {
            after
                .strip_prefix('{')
                .and_then(|tail| tail.strip_prefix(*key))
                .is_some_and(|tail| tail.starts_with('}'))
        });
        match found {
            Some((key, value)) => {
                out.push_str(value);
                rest = &after[key.len() + 2..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An id as a JSON number when it is a whole number (`{parent:number}`,
/// for servers such as Isso that refuse a quoted one), else as a string.
pub fn json_number(text: &str) -> String {
    match text.parse::<i64>() {
        Ok(number) => number.to_string(),
        Err(_) => json_string(text),
    }
}

/// A string as JSON text, quotes included.
pub fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_not_filled_again() {
        assert_eq!(
            fill(
                r#"{"body":{body},"author":{name}}"#,
                &[("body", r#""use {name}""#), ("name", "null")]
            ),
            r#"{"body":"use {name}","author":null}"#
        );
        assert_eq!(
            fill(
                "/v/{id}?x={value}&{other}",
                &[("id", "{value}"), ("value", "1")]
            ),
            "/v/{value}?x=1&{other}"
        );
        assert_eq!(fill("{{id}}{", &[("id", "7")]), "{7}{");
        assert_eq!(fill("ünï{id}ç", &[("id", "é")]), "ünïéç");
    }

    #[test]
    fn whole_numbers_go_unquoted_and_anything_else_as_a_string() {
        assert_eq!(json_number("42"), "42");
        assert_eq!(json_number("-7"), "-7");
        assert_eq!(json_number("t1_abc"), r#""t1_abc""#);
        assert_eq!(json_number("1e3"), r#""1e3""#);
        assert_eq!(
            json_number("99999999999999999999"),
            r#""99999999999999999999""#
        );
    }

    #[test]
    fn json_strings_escape_quotes_and_controls() {
        assert_eq!(json_string("a\"\\\n"), r#""a\"\\\n""#);
    }
}
