//! Short, stable fingerprints of text: segment ids, sign-off hashes and article hashes.
//!
//! FNV-1a (64 bit, [`crate::text::fnv1a`]): tiny, fast and fixed forever, which matters more here
//! than cryptographic strength, since the values are written into files that live in version
//! control.

pub use crate::text::fnv1a;

/// Eight hexadecimal digits identifying `text`.
///
/// ```
/// assert_eq!(bitext::fingerprint::short("abc").len(), 8);
/// ```
pub fn short(text: &str) -> String {
    format!("{:08x}", fnv1a(text.as_bytes()) >> 32)
}

/// The fingerprint a sign-off records of the English it was made for.
///
/// ```
/// use bitext::fingerprint::source;
/// assert_eq!(source("Hello."), source("Hello."));
/// assert_ne!(source("Hello."), source("Hello!"));
/// ```
pub fn source(english: &str) -> u32 {
    (fnv1a(english.as_bytes()) >> 32) as u32
}

/// Sixteen hexadecimal digits identifying `bytes`.
pub fn long(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// `len` characters of a lower-case, unambiguous base-32 rendering of `hash`.
pub fn base32(mut hash: u64, len: usize) -> String {
    let mut out = String::with_capacity(len);
    for _ in 0..len {
        out.push(ALPHABET[(hash & 31) as usize] as char);
        hash >>= 5;
    }
    out
}
