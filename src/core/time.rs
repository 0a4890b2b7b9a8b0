//! Timestamps: reading and writing ISO 8601, and choosing how to say "how
//! long ago".

use super::model::MAX_TIME_MS;

/// Parses an ISO 8601 / RFC 3339 date-time (`2017-09-17T10:30:00Z`,
/// `2017-09-17T10:30:00.250+03:00`, `2017-09-17 10:30:00`, or a bare date)
/// into milliseconds since the Unix epoch. A time without a zone is read as
/// UTC. Returns `None` for anything else, so a bad date never fails a thread.
pub fn parse_iso8601_ms(text: &str) -> Option<f64> {
    let text = text.trim();
    let date = text.get(..10)?;
    let rest = &text[10..];
    let year: i64 = digits(date.get(0..4)?)?;
    let month: i64 = digits(date.get(5..7)?)?;
    let day: i64 = digits(date.get(8..10)?)?;
    if date.as_bytes()[4] != b'-' || date.as_bytes()[7] != b'-' {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) as f64 * 86_400_000.0;
    if rest.is_empty() {
        return Some(millis);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hour: i64 = digits(rest.get(0..2)?)?;
    let minute: i64 = digits(rest.get(3..5)?)?;
    if rest.as_bytes().get(2) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = &rest[5..];
    let mut second = 0.0;
    if let Some(after) = rest.strip_prefix(':') {
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        second = after[..end].parse::<f64>().ok().filter(|s| *s < 61.0)?;
        rest = &after[end..];
    }
    millis += (hour * 3_600_000 + minute * 60_000) as f64 + second * 1000.0;
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zone = &zone[1..];
            let (hours, minutes) = match zone.len() {
                5 if zone.as_bytes()[2] == b':' => (zone.get(0..2)?, zone.get(3..5)?),
                4 => (zone.get(0..2)?, zone.get(2..4)?),
                2 => (zone, "00"),
                _ => return None,
            };
            sign * (digits(hours)? * 60 + digits(minutes)?)
        }
    };
    Some(millis - offset_minutes as f64 * 60_000.0)
}

fn digits(text: &str) -> Option<i64> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The year, month and day of a day counted from 1970-01-01 (Howard
/// Hinnant's `civil_from_days`, the inverse of [`days_from_civil`]).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The machine-readable form for `<time datetime>`, as JavaScript's
/// `Date.toISOString` writes it (`2017-09-16T12:00:00.000Z`, six signed
/// digits of year outside 0–9999); empty for a time a `Date` cannot hold.
/// Written here rather than by the browser: one call less per comment, and
/// the prerender has no browser.
pub fn iso_string(ms: f64) -> String {
    if ms.is_nan() || ms.abs() > MAX_TIME_MS {
        return String::new();
    }
    let ms = ms as i64;
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = civil_from_days(days);
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{}{:06}", if year < 0 { '-' } else { '+' }, year.abs())
    };
    format!(
        "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1_000 % 60,
        in_day % 1_000
    )
}

/// The unit a relative time is spoken in, in the order of each language's
/// phrases in `calendar_data.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Under a minute ago.
    Second,
    /// Under an hour ago.
    Minute,
    /// Under a day ago.
    Hour,
    /// Under 30 days ago.
    Day,
    /// Under a year ago.
    Month,
    /// A year or more ago.
    Year,
}

/// How long ago `then_ms` was at `now_ms`, in the largest whole unit: the
/// value is negative for the past (as `Intl.RelativeTimeFormat` expects), and
/// a time slightly in the future (clock skew) reads as "now".
pub fn relative_time(then_ms: f64, now_ms: f64) -> (i64, TimeUnit) {
    let seconds = ((now_ms - then_ms) / 1000.0).max(0.0).floor() as i64;
    let (amount, unit) = match seconds {
        s if s < 60 => (s, TimeUnit::Second),
        s if s < 3_600 => (s / 60, TimeUnit::Minute),
        s if s < 86_400 => (s / 3_600, TimeUnit::Hour),
        s if s < 30 * 86_400 => (s / 86_400, TimeUnit::Day),
        s if s < 365 * 86_400 => (s / (30 * 86_400), TimeUnit::Month),
        s => (s / (365 * 86_400), TimeUnit::Year),
    };
    (-amount, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_iso_strings_as_javascript_does() {
        assert_eq!(iso_string(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_string(1_505_563_200_250.0), "2017-09-16T12:00:00.250Z");
        assert_eq!(iso_string(951_782_400_000.0), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_string(-1.0), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_string(MAX_TIME_MS), "+275760-09-13T00:00:00.000Z");
        assert_eq!(iso_string(-MAX_TIME_MS), "-271821-04-20T00:00:00.000Z");
        assert_eq!(
            iso_string(-62_198_755_200_000.0),
            "-000001-01-01T00:00:00.000Z"
        );
        assert_eq!(iso_string(MAX_TIME_MS + 1.0), "");
        assert_eq!(iso_string(f64::NAN), "");
        for ms in [0.0, 1_505_563_200_250.0, -62_198_755_200_000.0, 4e14] {
            let text = iso_string(ms);
            if text.starts_with(|c: char| c.is_ascii_digit()) {
                assert_eq!(parse_iso8601_ms(&text), Some(ms), "{text}");
            }
        }
    }

    #[test]
    fn reads_utc_offsets_and_fractions() {
        assert_eq!(parse_iso8601_ms("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(
            parse_iso8601_ms("2017-09-16T12:00:00Z"),
            Some(1_505_563_200_000.0)
        );
        assert_eq!(
            parse_iso8601_ms("2017-09-16T15:00:00+03:00"),
            Some(1_505_563_200_000.0)
        );
        assert_eq!(
            parse_iso8601_ms("2017-09-16T07:00:00-0500"),
            Some(1_505_563_200_000.0)
        );
        assert_eq!(
            parse_iso8601_ms("2017-09-16T12:00:00.250Z"),
            Some(1_505_563_200_250.0)
        );
        assert_eq!(
            parse_iso8601_ms("2017-09-16 12:00"),
            Some(1_505_563_200_000.0)
        );
        assert_eq!(parse_iso8601_ms("2017-09-16"), Some(1_505_520_000_000.0));
        assert_eq!(parse_iso8601_ms("2000-02-29"), Some(951_782_400_000.0));
    }

    #[test]
    fn rejects_what_is_not_a_date_without_panicking() {
        for bad in [
            "",
            "yesterday",
            "2017-13-01",
            "2017-02-29",
            "2017-09-16T25:00Z",
            "2017-09-16T12:00:00+3",
            "2017/09/16",
            "2017-09-16Tnoon",
            "é2017-09-16",
            "2017-09-1é",
            "2017-09-16T12:00:00ZZ",
            "2017-09-16T12:00+0é0",
            "2017-09-16T12:00+é:00",
        ] {
            assert_eq!(parse_iso8601_ms(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn picks_the_largest_whole_unit() {
        let now = 1_000_000_000_000.0;
        assert_eq!(relative_time(now - 5_000.0, now), (-5, TimeUnit::Second));
        assert_eq!(relative_time(now - 125_000.0, now), (-2, TimeUnit::Minute));
        assert_eq!(
            relative_time(now - 3.0 * 3_600_000.0, now),
            (-3, TimeUnit::Hour)
        );
        assert_eq!(
            relative_time(now - 2.0 * 86_400_000.0, now),
            (-2, TimeUnit::Day)
        );
        assert_eq!(
            relative_time(now - 65.0 * 86_400_000.0, now),
            (-2, TimeUnit::Month)
        );
        assert_eq!(
            relative_time(now - 800.0 * 86_400_000.0, now),
            (-2, TimeUnit::Year)
        );
        assert_eq!(relative_time(now + 60_000.0, now), (0, TimeUnit::Second));
    }
}
