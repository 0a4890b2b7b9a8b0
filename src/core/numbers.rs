//! Counting in each language without the browser: CLDR's plural rules for
//! whole numbers and the way each language groups digits. The widget and
//! the prerender (which has no browser) both count with these, so a count
//! reads the same in both, and the widget's first count no longer waits for
//! the browser to make an `Intl.PluralRules` (tens of milliseconds on a
//! throttled phone). A component test checks both against Chromium's Intl.

use super::words::{Lang, Plural};

/// The plural category of a whole number in `lang`, by CLDR's rules for
/// integers ("1 comment", "2 комментария", "11 تعليقًا").
pub fn plural(lang: Lang, n: i64) -> Plural {
    let n = n.unsigned_abs();
    let (last, last_two) = (n % 10, n % 100);
    let millions = n != 0 && n.is_multiple_of(1_000_000);
    match lang {
        Lang::En | Lang::De | Lang::Tr if n == 1 => Plural::One,
        Lang::Es if n == 1 => Plural::One,
        Lang::Fr if n <= 1 => Plural::One,
        Lang::Es | Lang::Fr if millions => Plural::Many,
        Lang::Ru if last == 1 && last_two != 11 => Plural::One,
        Lang::Ru if (2..=4).contains(&last) && !(12..=14).contains(&last_two) => Plural::Few,
        Lang::Ru => Plural::Many,
        Lang::Ar => match n {
            0 => Plural::Zero,
            1 => Plural::One,
            2 => Plural::Two,
            _ if (3..=10).contains(&last_two) => Plural::Few,
            _ if (11..=99).contains(&last_two) => Plural::Many,
            _ => Plural::Other,
        },
        _ => Plural::Other,
    }
}

/// A whole number with the language's digit grouping, as Intl's default
/// number format writes it: "1,200", "1.200", "1 200" (a narrow no-break
/// space in French, a no-break space in Russian), and in Spanish no
/// separator in four-digit numbers ("1200", "12.000"). Arabic is written
/// with Latin digits, as Chromium writes it.
pub fn grouped(lang: Lang, n: i64) -> String {
    let separator = match lang {
        Lang::De | Lang::Es | Lang::Tr => ".",
        Lang::Fr => "\u{202f}",
        Lang::Ru => "\u{a0}",
        Lang::En | Lang::Ar | Lang::Ja => ",",
    };
    let digits = n.unsigned_abs().to_string();
    // Arabic marks a minus as left-to-right, so it stays before the digits.
    let sign = match (n < 0, lang) {
        (false, _) => "",
        (true, Lang::Ar) => "\u{200e}-",
        (true, _) => "-",
    };
    if digits.len() <= 3 || (lang == Lang::Es && digits.len() == 4) {
        return format!("{sign}{digits}");
    }
    let mut out = String::from(sign);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        let categories = |lang| {
            [0, 1, 2, 3, 5, 11, 21, 101, 1_000_000]
                .map(|n| plural(lang, n))
                .to_vec()
        };
        use Plural::*;
        assert_eq!(
            categories(Lang::En),
            [Other, One, Other, Other, Other, Other, Other, Other, Other]
        );
        assert_eq!(
            categories(Lang::Fr),
            [One, One, Other, Other, Other, Other, Other, Other, Many]
        );
        assert_eq!(
            categories(Lang::Es),
            [Other, One, Other, Other, Other, Other, Other, Other, Many]
        );
        assert_eq!(
            categories(Lang::Ru),
            [Many, One, Few, Few, Many, Many, One, One, Many]
        );
        assert_eq!(
            categories(Lang::Ar),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other]
        );
        assert_eq!(categories(Lang::Ja), [Other; 9]);
        assert_eq!(plural(Lang::Ru, -22), Few);
    }

    #[test]
    fn digits_group_as_each_language_writes_them() {
        let written = |lang| [1200, 12000, 1234567, -1500, 999].map(|n| grouped(lang, n));
        assert_eq!(
            written(Lang::En),
            ["1,200", "12,000", "1,234,567", "-1,500", "999"]
        );
        assert_eq!(
            written(Lang::De),
            ["1.200", "12.000", "1.234.567", "-1.500", "999"]
        );
        assert_eq!(
            written(Lang::Es),
            ["1200", "12.000", "1.234.567", "-1500", "999"]
        );
        assert_eq!(grouped(Lang::Fr, 1200), "1\u{202f}200");
        assert_eq!(grouped(Lang::Ru, 1200), "1\u{a0}200");
        assert_eq!(grouped(Lang::Ja, i64::MIN), "-9,223,372,036,854,775,808");
    }
}
