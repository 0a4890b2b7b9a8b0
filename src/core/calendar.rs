//! Dates in words without the browser's Intl: "September 16, 2017",
//! "Saturday, September 16, 2017 at 10:05 AM" and "3 hours ago" in each
//! language, from the patterns and names in `calendar_data.rs` (read from
//! Chromium's Intl by `tests/data/calendar.mjs`). The widget writes dates
//! without making an `Intl.DateTimeFormat` or `Intl.RelativeTimeFormat`,
//! the first of which each cost a throttled phone 60–75 ms in one task, and
//! the prerender writes them the same way.

use super::calendar_data::calendar;
use super::model::MAX_TIME_MS;
use super::numbers::{grouped, plural};
use super::time::{civil_from_days, TimeUnit};
use super::words::{Forms, Lang};

/// How a language writes dates: patterns with `{weekday}`, `{day}`,
/// `{month}`, `{year}`, `{hour}`, `{minute}` and `{period}`, and its names.
#[derive(Debug)]
pub struct Calendar {
    /// The date alone.
    pub long: &'static str,
    /// The full date and time.
    pub full: &'static str,
    /// The months' names, January first; `None` where months are numbers.
    pub months: Option<[&'static str; 12]>,
    /// The days' names, Sunday first.
    pub weekdays: [&'static str; 7],
    /// Before and after noon, where the clock has twelve hours.
    pub periods: Option<[&'static str; 2]>,
    /// Whether hours under 10 take a leading zero ("09:05").
    pub two_digit_hour: bool,
    /// How long ago, by unit: seconds, minutes, hours, days, months, years.
    pub relative: [Relative; 6],
}

/// How long ago in one unit.
#[derive(Debug)]
pub struct Relative {
    /// The phrase in each plural form, `{n}` for the number.
    pub forms: Forms,
    /// The values said without a number: (0, "now"), (1, "yesterday").
    pub said: &'static [(i64, &'static str)],
}

/// A moment's date and time on the reader's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    year: i64,
    month: i64,
    day: i64,
    weekday: usize,
    hour: i64,
    minute: i64,
}

impl Moment {
    /// `ms` since the epoch on a clock `offset_minutes` behind UTC (as
    /// JavaScript's `getTimezoneOffset` gives it; 0 for UTC); `None` for a
    /// time a `Date` cannot hold.
    pub fn at(ms: f64, offset_minutes: f64) -> Option<Moment> {
        if ms.is_nan() || ms.abs() > MAX_TIME_MS {
            return None;
        }
        let local = (ms - offset_minutes * 60_000.0).floor() as i64;
        let days = local.div_euclid(86_400_000);
        let minutes = local.rem_euclid(86_400_000) / 60_000;
        let (year, month, day) = civil_from_days(days);
        Some(Moment {
            year,
            month,
            day,
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7) as usize,
            hour: minutes / 60,
            minute: minutes % 60,
        })
    }
}

fn fill(lang: Lang, pattern: &str, moment: Moment) -> String {
    let calendar = calendar(lang);
    let month = match calendar.months {
        Some(names) => names[(moment.month - 1) as usize].to_owned(),
        None => moment.month.to_string(),
    };
    let (hour, period) = match calendar.periods {
        Some([am, pm]) => {
            let period = if moment.hour < 12 { am } else { pm };
            ((moment.hour + 11) % 12 + 1, period)
        }
        None => (moment.hour, ""),
    };
    let hour = if calendar.two_digit_hour {
        format!("{hour:02}")
    } else {
        hour.to_string()
    };
    let mut out = String::with_capacity(pattern.len() + 24);
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        match &rest[start + 1..start + end] {
            "weekday" => out.push_str(calendar.weekdays[moment.weekday]),
            "day" => out.push_str(&moment.day.to_string()),
            "month" => out.push_str(&month),
            "year" => out.push_str(&moment.year.to_string()),
            "hour" => out.push_str(&hour),
            "minute" => out.push_str(&format!("{:02}", moment.minute)),
            "period" => out.push_str(period),
            _ => {}
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// How long ago, `value` units back (`value` is 0 or less, as
/// [`super::time::relative_time`] gives it): "3 hours ago", "yesterday".
pub fn ago(lang: Lang, value: i64, unit: TimeUnit) -> String {
    let words = &calendar(lang).relative[unit as usize];
    let n = value.saturating_neg();
    if let Some((_, said)) = words.said.iter().find(|(at, _)| *at == n) {
        return (*said).to_owned();
    }
    words.forms.fill(plural(lang, n), &grouped(lang, n))
}

/// The date alone: "September 16, 2017", "16. September 2017".
pub fn long_date(lang: Lang, moment: Moment) -> String {
    fill(lang, calendar(lang).long, moment)
}

/// The full date and time: "Saturday, September 16, 2017 at 10:05 AM".
pub fn full_date_time(lang: Lang, moment: Moment) -> String {
    fill(lang, calendar(lang).full, moment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let moment = Moment::at(1_505_556_300_000.0, 0.0).expect("a time");
        assert_eq!(long_date(Lang::En, moment), "September 16, 2017");
        assert_eq!(
            full_date_time(Lang::En, moment),
            "Saturday, September 16, 2017 at 10:05 AM"
        );
        assert_eq!(
            full_date_time(Lang::De, moment),
            "Samstag, 16. September 2017 um 10:05"
        );
        assert_eq!(long_date(Lang::Ru, moment), "16 сентября 2017 г.");
        assert_eq!(long_date(Lang::Ja, moment), "2017年9月16日");
        // On a clock 12 hours behind UTC it is still Friday evening.
        let behind = Moment::at(1_505_556_300_000.0, 720.0).expect("a time");
        assert_eq!(
            full_date_time(Lang::En, behind),
            "Friday, September 15, 2017 at 10:05 PM"
        );
        assert_eq!(ago(Lang::En, -3, TimeUnit::Hour), "3 hours ago");
        assert_eq!(ago(Lang::En, -1, TimeUnit::Day), "yesterday");
        assert_eq!(ago(Lang::En, 0, TimeUnit::Second), "now");
        assert_eq!(ago(Lang::Ru, -22, TimeUnit::Year), "22 года назад");
        assert_eq!(ago(Lang::De, -1200, TimeUnit::Day), "vor 1.200 Tagen");
        assert_eq!(Moment::at(f64::NAN, 0.0), None);
        assert_eq!(Moment::at(MAX_TIME_MS * 2.0, 0.0), None);
    }
}
