//! Identicons: a small picture for commenters without one, drawn from a
//! hash the API gives (Isso's `hash` of the email or address), so that one
//! person's comments look alike at a glance, names or not.

/// A 5×5 pattern, mirrored left to right, in one colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identicon {
    /// The colour's hue, in degrees.
    pub hue: u16,
    /// The filled cells of the left three columns, row by row: column 0 is
    /// mirrored to 4 and 1 to 3.
    pub cells: [bool; 15],
}

impl Identicon {
    /// The pattern for a hash (any text: the same text, the same picture).
    pub fn new(hash: &str) -> Identicon {
        // FNV-1a: a stable spread of whatever the hash looks like.
        let mut bits = hash.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |state, byte| {
            (state ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        let hue = (bits % 360) as u16;
        bits /= 360;
        let mut cells = [false; 15];
        for cell in &mut cells {
            *cell = bits & 1 == 1;
            bits >>= 1;
        }
        Identicon { hue, cells }
    }

    /// The filled cells as (column, row), mirrored across the middle.
    pub fn squares(&self) -> impl Iterator<Item = (u8, u8)> + '_ {
        (0..15u8)
            .filter(|at| self.cells[usize::from(*at)])
            .flat_map(|at| {
                let (row, column) = (at / 3, at % 3);
                let mirror = (column < 2).then_some((4 - column, row));
                std::iter::once((column, row)).chain(mirror)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hash_one_picture_mirrored() {
        let a = Identicon::new("4505c1eeda98");
        assert_eq!(a, Identicon::new("4505c1eeda98"));
        assert_ne!(a, Identicon::new("4505c1eeda99"));
        let squares: Vec<(u8, u8)> = a.squares().collect();
        for (column, row) in &squares {
            assert!(*column < 5 && *row < 5);
            let mirror = (4 - column, *row);
            assert!(
                squares.contains(&mirror),
                "{mirror:?} mirrors ({column}, {row})"
            );
        }
        assert!(a.hue < 360);
    }
}
