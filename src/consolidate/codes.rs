//! Integer codes for the text columns given to polars.

use std::hash::Hash;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

/// The distinct values of a column, each given a small integer code in order of first
/// appearance. Frames hold the codes (4 bytes a row) instead of copies of the text, and
/// polars groups by integers; the codes are turned back into values for the few groups.
pub(super) struct Codes<K> {
    pub(super) values: Vec<K>,
    index: HashMap<K, u32>,
}

impl<K: Hash + Eq + Clone> Codes<K> {
    pub(super) fn new() -> Self {
        Codes {
            values: Vec::new(),
            index: HashMap::new(),
        }
    }

    pub(super) fn code(&mut self, value: K) -> u32 {
        if let Some(&code) = self.index.get(&value) {
            return code;
        }
        let code = self.values.len() as u32;
        self.values.push(value.clone());
        self.index.insert(value, code);
        code
    }

    pub(super) fn value(&self, code: u32) -> &K {
        &self.values[code as usize]
    }
}

impl Codes<&str> {
    pub(super) fn text(&self, code: u32) -> &str {
        self.value(code)
    }
}

/// A code column of `records`, reusing the previous row's code when the text is the
/// same shared string (the records of one file share their administration's).
pub(super) fn shared_codes<'a, T: 'a>(
    records: impl Iterator<Item = &'a T>,
    codes: &mut Codes<&'a str>,
    text: impl Fn(&'a T) -> &'a Arc<str>,
) -> Vec<u32> {
    let mut last: Option<(&Arc<str>, u32)> = None;
    records
        .map(|r| {
            let t = text(r);
            match last {
                Some((prev, code)) if Arc::ptr_eq(prev, t) => code,
                _ => {
                    let code = codes.code(t);
                    last = Some((t, code));
                    code
                }
            }
        })
        .collect()
}
