//! A fast, non-cryptographic hash map for the word interner and the indexes.

/// A hash map with a fast, non-cryptographic hasher (rustc-hash's FxHash), for the word
/// interner and the indexes: keys come from the documents being compared, not from an
/// attacker who could pick collisions to any effect beyond a slower comparison.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub use rustc_hash::FxHasher;
/// A hash set with [`FastMap`]'s hasher.
pub type FastSet<K> = rustc_hash::FxHashSet<K>;
