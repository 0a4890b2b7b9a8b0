//! Paths into a JSON response, like `data.children` or `1.data.children`,
//! and where a path stopped finding anything.

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::fmt;

/// A dot-separated path into JSON. A segment is an object key, or an array
/// index when the value there is an array, or a filter that picks the first
/// item of a list whose field has a value: `actions_summary[id=2].count`
/// (Discourse's likes). The empty path is the value itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath {
    text: String,
    segments: Vec<String>,
}

/// A `[field=value]` filter at the end of a segment, if it has one: the
/// key before it ("" for the list itself), the field and the value.
fn filter(segment: &str) -> Option<(&str, &str, &str)> {
    let (key, test) = segment.strip_suffix(']')?.split_once('[')?;
    let (field, value) = test.split_once('=')?;
    Some((key, field, value))
}

/// Where a path found nothing: the part that matched, and what was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMiss {
    /// The whole path asked for.
    pub path: String,
    /// The longest leading part that did resolve ("" for the top level).
    pub found: String,
    /// The keys of the object where it stopped, or a word for what else it was.
    pub there: String,
    /// True when the path was there, but held something other than a list.
    pub not_a_list: bool,
}

impl fmt::Display for PathMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.found.is_empty() {
            "its top-level".to_owned()
        } else {
            format!("`{}`", self.found)
        };
        let what = if self.not_a_list { "list at " } else { "" };
        write!(
            f,
            "no {what}`{}` in the response; {place} {}",
            self.path, self.there
        )
    }
}

impl JsonPath {
    /// Parses `a.b.0.c`; empty segments are ignored, so "" and "." are the root.
    pub fn new(text: &str) -> Self {
        JsonPath {
            text: text.to_owned(),
            segments: text
                .split('.')
                .filter(|segment| !segment.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    /// The path as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The keys and indices of the path, for following it while parsing;
    /// `None` if a segment is a filter, which needs the list it picks from.
    pub fn steps(&self) -> Option<&[String]> {
        let plain = self
            .segments
            .iter()
            .all(|segment| filter(segment).is_none());
        plain.then_some(&self.segments[..])
    }

    /// The value at this path, if every segment is there.
    pub fn get<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        self.segments
            .iter()
            .try_fold(value, |value, segment| step(value, segment))
    }

    /// Like [`JsonPath::get`], but says where the path stopped and what was found there.
    pub fn find<'v>(&self, value: &'v Value) -> Result<&'v Value, PathMiss> {
        let mut current = value;
        for (depth, segment) in self.segments.iter().enumerate() {
            match step(current, segment) {
                Some(next) => current = next,
                None => {
                    return Err(PathMiss {
                        path: self.text.clone(),
                        found: self.segments[..depth].join("."),
                        there: describe(current),
                        not_a_list: false,
                    })
                }
            }
        }
        Ok(current)
    }
}

fn step<'v>(value: &'v Value, segment: &str) -> Option<&'v Value> {
    if let Some((key, field, wanted)) = filter(segment) {
        let list = if key.is_empty() {
            value
        } else {
            step(value, key)?
        };
        return list.as_array()?.iter().find(|item| match &item[field] {
            Value::String(text) => text == wanted,
            Value::Number(number) => number.to_string() == wanted,
            Value::Bool(flag) => flag.to_string() == wanted,
            _ => false,
        });
    }
    match value {
        Value::Object(map) => map.get(segment),
        Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    }
}

/// Says what a value is: the keys of an object, or its kind.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Object(map) if map.is_empty() => "is an empty object".to_owned(),
        Value::Object(map) if map.len() == 1 => format!(
            "has one key, {}",
            map.keys().next().map_or("", String::as_str)
        ),
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(12).map(String::as_str).collect();
            let more = if map.len() > 12 { ", …" } else { "" };
            let noun = if keys.len() == 1 {
                "key is"
            } else {
                "keys are"
            };
            format!("{noun} {}{more}", keys.join(", "))
        }
        Value::Array(items) => format!("is a list of {}", items.len()),
        Value::String(_) => "is a string".to_owned(),
        Value::Number(_) => "is a number".to_owned(),
        Value::Bool(_) => "is true or false".to_owned(),
        Value::Null => "is null".to_owned(),
    }
}

impl<'de> Deserialize<'de> for JsonPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| JsonPath::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn walks_keys_and_indices() {
        let value = json!([{"kind": "Listing"}, {"data": {"children": [1, 2]}, "48": "x"}]);
        assert_eq!(
            JsonPath::new("1.data.children.1").get(&value),
            Some(&json!(2))
        );
        assert_eq!(JsonPath::new("1.48").get(&value), Some(&json!("x")));
        assert_eq!(JsonPath::new("").get(&value), Some(&value));
        assert_eq!(JsonPath::new("5").get(&value), None);
    }

    #[test]
    fn filters_pick_the_item_whose_field_has_a_value() {
        // Discourse: likes are the `count` of the action whose `id` is 2.
        let post = json!({"actions_summary": [{"id": 3, "count": 1}, {"id": 2, "count": 7}], "tags": [{"name": "a b", "on": true}]});
        assert_eq!(
            JsonPath::new("actions_summary[id=2].count").get(&post),
            Some(&json!(7))
        );
        assert_eq!(
            JsonPath::new("actions_summary[id=9].count").get(&post),
            None
        );
        assert_eq!(
            JsonPath::new("tags[name=a b].on").get(&post),
            Some(&json!(true))
        );
        assert_eq!(
            JsonPath::new("actions_summary.[id=3].count").get(&post),
            Some(&json!(1)),
            "a filter on its own segment"
        );
        let miss = JsonPath::new("actions_summary[id=9].count")
            .find(&post)
            .unwrap_err();
        assert_eq!(miss.found, "", "says where it stopped");
    }

    #[test]
    fn says_where_it_stopped_and_what_was_there() {
        let value = json!({"kind": "Listing", "data": {"after": null, "children": []}});
        let miss = JsonPath::new("data.children.0.data")
            .find(&value)
            .unwrap_err();
        assert_eq!(
            miss.to_string(),
            "no `data.children.0.data` in the response; `data.children` is a list of 0"
        );
        let miss = JsonPath::new("comments").find(&value).unwrap_err();
        assert_eq!(
            miss.to_string(),
            "no `comments` in the response; its top-level keys are data, kind"
        );
    }
}
