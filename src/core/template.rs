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
    fn json_strings_escape_quotes_and_controls() {
        assert_eq!(json_string("a\"\\\n"), r#""a\"\\\n""#);
    }
}
