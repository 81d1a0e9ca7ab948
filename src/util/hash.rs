//! A fast, non-cryptographic hash map for the word interner and the indexes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with a fast, non-cryptographic hasher (FxHash's), for the word interner and
/// the indexes: keys come from the documents being compared, not from an attacker who could
/// pick collisions to any effect beyond a slower comparison.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash (as in rustc): a multiply and a rotate a word.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        // The last 1 to 7 bytes in one word, from overlapping loads rather than a copy (a
        // call to memcpy for every short key).
        let rest = chunks.remainder();
        let n = rest.len();
        if n >= 4 {
            let lo = u32::from_le_bytes(rest[..4].try_into().expect("4 bytes"));
            let hi = u32::from_le_bytes(rest[n - 4..].try_into().expect("4 bytes"));
            self.add(u64::from(lo) | (u64::from(hi) << 32));
        } else if n > 0 {
            let (a, b, c) = (rest[0], rest[n / 2], rest[n - 1]);
            self.add(u64::from(a) | (u64::from(b) << 8) | (u64::from(c) << 16) | (n as u64) << 24);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The low bits of a product depend only on the low bits of what was multiplied, and
        // a hash table picks its bucket by the low bits: the rotation brings down the high
        // bits, which depend on all of them (as rustc-hash 2 does). Without it, words
        // packed into integers by their first bytes would share buckets by their first
        // two letters.
        self.0.rotate_left(26)
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}
