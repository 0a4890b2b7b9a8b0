//! Long work split across browser tasks: how much of it fits in one task,
//! judged by how fast the last part went. A phone with a slow CPU gets
//! smaller parts, a desktop bigger ones, and no task holds the page long.

/// How long one browser task may spend on a part: well under the 50 ms at
/// which a task counts as long, on the slowest phone too.
pub const TASK_BUDGET_MS: f64 = 8.0;

/// How many units fit in the next part, at most `most`, when the last
/// `done` took `took_ms`. A part too quick to time (the browser may round
/// its clock to a tenth of a millisecond) counts as that tenth. Parts at
/// most double: units differ (a one-line comment, one of 2,000
/// characters), and a few quick ones must not make a part of many slow.
pub fn fitting(done: usize, took_ms: f64, most: usize) -> usize {
    ((TASK_BUDGET_MS * done as f64 / took_ms.max(0.1)) as usize)
        .min(done.saturating_mul(2))
        .clamp(1, most)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_fill_the_budget_and_no_more() {
        assert_eq!(fitting(100, 16.0, usize::MAX), 50, "twice the budget");
        assert_eq!(fitting(100, 4.0, usize::MAX), 200, "half the budget");
        assert_eq!(fitting(100, 1.0, usize::MAX), 200, "at most twice as many");
        assert_eq!(fitting(100, 0.0, usize::MAX), 200, "too fast to time");
        assert_eq!(fitting(100, 4.0, 8), 8, "capped");
        assert_eq!(fitting(1, 30.0, 8), 1, "one unit is the least");
    }
}
