//! A write the site configures by name (`data-report-url`,
//! `data-edit-url`, `data-delete-url`): a URL template, a method and a JSON
//! body template whose fields are escaped for where they go, with the
//! headers, token and cookies every write shares.

use super::template::{fill, json_string};
use super::url::encode_component;
use super::votes::{WriteAccess, WriteRequest};

/// Where and how one kind of write goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The URL template (`{id}`...).
    pub url: String,
    /// The HTTP method.
    pub method: String,
    /// The JSON body template; empty for none.
    pub body: String,
    /// Headers, token and cookies.
    pub access: WriteAccess,
}

impl Endpoint {
    /// Reads `<name>Url`, `<name>Method` and `<name>Body`; `None` without a
    /// URL (the widget then offers no such action).
    pub fn read(
        setting: impl Fn(&str) -> Option<String>,
        name: &str,
        method: &str,
        body: &str,
    ) -> Result<Option<Endpoint>, String> {
        let Some(url) = setting(&format!("{name}Url")).filter(|url| !url.trim().is_empty()) else {
            return Ok(None);
        };
        Ok(Some(Endpoint {
            url,
            method: setting(&format!("{name}Method"))
                .unwrap_or_else(|| method.to_owned())
                .to_ascii_uppercase(),
            body: setting(&format!("{name}Body")).unwrap_or_else(|| body.to_owned()),
            access: WriteAccess::read(&setting)?,
        }))
    }

    /// The request with these fields filled in: URL-encoded in the URL,
    /// JSON-escaped (inside the template's quotes) in the body.
    pub fn request(&self, fields: &[(&str, &str)], token: Option<&str>) -> WriteRequest {
        let in_url: Vec<(&str, String)> = fields
            .iter()
            .map(|(name, value)| (*name, encode_component(value)))
            .collect();
        let in_body: Vec<(&str, String)> = fields
            .iter()
            .map(|(name, value)| {
                let quoted = json_string(value);
                (*name, quoted[1..quoted.len() - 1].to_owned())
            })
            .collect();
        fn pairs<'a>(list: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
            list.iter()
                .map(|(name, value)| (*name, value.as_str()))
                .collect()
        }
        WriteRequest {
            url: fill(&self.url, &pairs(&in_url)),
            method: self.method.clone(),
            body: fill(&self.body, &pairs(&in_body)),
            headers: self.access.headers(token),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)], name: &str) -> Option<Endpoint> {
        Endpoint::read(
            |key| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_string())
            },
            name,
            "PUT",
            r#"{"body":"{body}"}"#,
        )
        .expect("valid")
    }

    #[test]
    fn fills_each_field_escaped_for_where_it_goes() {
        let endpoint = read(&[("editUrl", "/api/c/{id}"), ("token", "t")], "edit").expect("set");
        let request = endpoint.request(&[("id", "a/b\""), ("body", "He said \"hi\"\nbye")], None);
        assert_eq!(request.url, "/api/c/a%2Fb%22");
        assert_eq!(request.method, "PUT");
        assert_eq!(request.body, r#"{"body":"He said \"hi\"\nbye"}"#);
        assert_eq!(request.headers["Authorization"], "Bearer t");
    }

    #[test]
    fn the_method_and_body_can_be_set_and_no_url_means_none() {
        let endpoint = read(
            &[
                ("deleteUrl", "/api/c/{id}"),
                ("deleteMethod", "post"),
                ("deleteBody", ""),
            ],
            "delete",
        )
        .expect("set");
        assert_eq!(endpoint.method, "POST");
        assert_eq!(endpoint.request(&[("id", "1")], None).body, "");
        assert_eq!(read(&[], "delete"), None);
    }
}
