//! Parsing a response without parsing its comment list: the parser hands
//! over each item of the list as its text, checked but not read, and the
//! items are read later, a few at a time, so no one browser task reads a
//! whole thread. A 50,000-comment thread never exists twice at once (as
//! parsed JSON and as comments), and parsed JSON costs several times the
//! text it came from.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::fmt;

/// Parses `text` as JSON, giving the text of each item of the list at
/// `path` to `each` (in order) instead of reading it: the list is empty in
/// the value returned, which is otherwise what `serde_json` returns. `path`
/// is keys and, in lists, indices; if it leads to no list (or is `None`),
/// `each` is never called.
pub fn parse_streaming<'t>(
    text: &'t str,
    path: Option<&[String]>,
    each: &mut dyn FnMut(&'t RawValue),
) -> serde_json::Result<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Along { path, each }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// A value on the way to the list (`path` is what is left of the way), or
/// off it (`None`), where it is read whole.
struct Along<'p, 'f, 't> {
    path: Option<&'p [String]>,
    each: &'f mut dyn FnMut(&'t RawValue),
}

impl<'t> Along<'_, '_, 't> {
    /// The same callback for the value at the next step (`None`: off the
    /// way).
    fn next<'p>(&mut self, rest: Option<&'p [String]>) -> Along<'p, '_, 't> {
        Along {
            path: rest,
            each: &mut *self.each,
        }
    }
}

impl<'t> DeserializeSeed<'t> for Along<'_, '_, 't> {
    type Value = Value;

    fn deserialize<D: Deserializer<'t>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'t> Visitor<'t> for Along<'_, '_, 't> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'t>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        match self.path {
            // The list: each item goes to the callback.
            Some([]) => {
                while let Some(item) = seq.next_element::<&'t RawValue>()? {
                    (self.each)(item);
                }
            }
            Some([segment, rest @ ..]) => {
                let index = segment.parse::<usize>().ok();
                loop {
                    let on_way = (Some(items.len()) == index).then_some(rest);
                    match seq.next_element_seed(self.next(on_way))? {
                        Some(item) => items.push(item),
                        None => break,
                    }
                }
            }
            None => {
                while let Some(item) = seq.next_element_seed(self.next(None))? {
                    items.push(item);
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'t>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let on_way = match self.path {
                Some([segment, rest @ ..]) if *segment == key => Some(rest),
                _ => None,
            };
            let value = map.next_value_seed(self.next(on_way))?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn streamed(text: &str, path: &str) -> (Value, Vec<Value>) {
        let path: Vec<String> = path
            .split('.')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let mut items = Vec::new();
        let rest = parse_streaming(text, Some(&path), &mut |item| {
            items.push(serde_json::from_str(item.get()).expect("an item"))
        })
        .expect("JSON");
        (rest, items)
    }

    #[test]
    fn the_list_goes_to_the_callback_and_the_rest_stays() {
        let text = r#"[{"kind": "t3"}, {"data": {"after": "x", "children": [{"id": 1}, {"id": 2, "r": [3]}], "n": 1.5}}]"#;
        let (rest, items) = streamed(text, "1.data.children");
        assert_eq!(items, vec![json!({"id": 1}), json!({"id": 2, "r": [3]})]);
        assert_eq!(
            rest,
            json!([{"kind": "t3"}, {"data": {"after": "x", "children": [], "n": 1.5}}])
        );
        let (rest, items) = streamed(r#"[1, "a", null, true]"#, "");
        assert_eq!(items, vec![json!(1), json!("a"), json!(null), json!(true)]);
        assert_eq!(rest, json!([]));
    }

    #[test]
    fn without_a_list_on_the_path_the_value_is_what_serde_json_reads() {
        for (text, path) in [
            (r#"{"comments": {"a": 1}}"#, "comments"),
            (r#"{"threads": [1, 2]}"#, "comments"),
            (r#"{"a": [[1], {"b": -2, "c": 1e300}]}"#, "a.x"),
            (r#""text""#, "comments"),
        ] {
            let (rest, items) = streamed(text, path);
            assert!(items.is_empty());
            assert_eq!(rest, serde_json::from_str::<Value>(text).expect("JSON"));
        }
    }

    #[test]
    fn errors_are_serde_jsons_own() {
        let path = ["comments".to_owned()];
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        for text in [r#"{"comments": [1, 2"#, "{} x", &deep] {
            let ours = parse_streaming(text, Some(&path), &mut |_| {}).expect_err("bad JSON");
            let theirs = serde_json::from_str::<Value>(text).expect_err("bad JSON");
            assert_eq!(ours.to_string(), theirs.to_string());
        }
    }
}
