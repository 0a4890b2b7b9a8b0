//! Reading helpers shared by the preset suites (`tests/presets.rs` on the
//! project's own data, `tests/fixtures.rs` on real captured responses).

use threadline::core::load::read_response;
use threadline::core::mapping::Source;
use threadline::core::model::Comment;
use threadline::core::store::ThreadStore;

/// Reads `json` through a preset and builds the thread a reader would see.
pub fn read(preset: &str, json: &str) -> Read {
    let source = Source::configure(Some(preset), None).expect("a known preset");
    let document = read_response(json, &source).unwrap_or_else(|error| panic!("{preset}: {error}"));
    Read {
        store: ThreadStore::build(document.comments),
        skipped: document.skipped,
    }
}

/// A built thread, with the questions the tests ask of it.
pub struct Read {
    pub store: ThreadStore,
    pub skipped: usize,
}

impl Read {
    pub fn comment(&self, id: &str) -> &Comment {
        self.store
            .comment(id)
            .unwrap_or_else(|| panic!("comment {id} is in the thread"))
    }

    pub fn parent_of(&self, id: &str) -> Option<String> {
        let mut stack: Vec<(Option<String>, String)> = self
            .store
            .roots()
            .iter()
            .map(|root| (None, root.to_string()))
            .collect();
        while let Some((parent, current)) = stack.pop() {
            if current == id {
                return parent;
            }
            stack.extend(
                self.store
                    .children(&current)
                    .iter()
                    .map(|child| (Some(current.clone()), child.to_string())),
            );
        }
        panic!("{id} is not in the tree")
    }

    pub fn iso(&self, id: &str) -> String {
        let ms = self.comment(id).created_ms.expect("a time") as i64;
        let days = ms.div_euclid(86_400_000);
        let seconds = ms.rem_euclid(86_400_000) / 1000;
        // civil_from_days, the inverse of the parser's algorithm
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}
