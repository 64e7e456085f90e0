//! The order of the Bilaga's rows: administration in Swedish order, file, row.

use std::sync::Arc;

use foldhash::{HashMap, HashSet};

use crate::model::Initiative;
use crate::rows::Chunks;

/// Sorts initiatives by administration (in Swedish order), file and row. The key of a row
/// is three integers: the ranks of its administration and file among the few distinct
/// ones, so that a million rows do not each get a text key. Each chunk (one file's
/// records) is sorted by row, then the chunks by their key; a chunk that mixes files is
/// first merged with the others and the whole list sorted.
pub(super) fn sort_initiatives(initiatives: &mut Chunks<Initiative>) {
    fn ranks<'a, K: Ord>(
        texts: impl Iterator<Item = &'a Arc<str>>,
        key: impl Fn(&str) -> K,
    ) -> HashMap<Arc<str>, u32> {
        // Consecutive rows mostly share one string: hash only when it changes.
        let mut distinct: HashSet<&Arc<str>> = HashSet::default();
        let mut last: Option<&Arc<str>> = None;
        for t in texts {
            if !last.is_some_and(|l| Arc::ptr_eq(l, t)) {
                distinct.insert(t);
                last = Some(t);
            }
        }
        let mut sorted: Vec<&Arc<str>> = distinct.into_iter().collect();
        sorted.sort_by_cached_key(|t| (key(t), Arc::clone(t)));
        sorted
            .into_iter()
            .zip(0u32..)
            .map(|(t, rank)| (Arc::clone(t), rank))
            .collect()
    }
    let admins = ranks(
        initiatives.iter().map(|i| &i.administration),
        crate::consolidate::swedish_key,
    );
    let files = ranks(initiatives.iter().map(|i| &i.file), str::to_string);
    let key = |i: &Initiative| (admins[&i.administration], files[&i.file], i.row);
    // A chunk is one file: its rows share the administration's and file's ranks.
    let chunk_key = |c: &Vec<Initiative>| (admins[&c[0].administration], files[&c[0].file]);
    let one_file = |c: &Vec<Initiative>| {
        c.iter().all(|i| {
            (Arc::ptr_eq(&i.file, &c[0].file) || i.file == c[0].file)
                && (Arc::ptr_eq(&i.administration, &c[0].administration)
                    || i.administration == c[0].administration)
        })
    };
    let homogeneous = initiatives.chunks().iter().all(one_file);
    initiatives.with_chunks(|chunks| {
        if !homogeneous {
            let all: Vec<Initiative> = std::mem::take(chunks).into_iter().flatten().collect();
            chunks.push(all);
        }
        if homogeneous {
            for c in chunks.iter_mut() {
                if !c.is_sorted_by_key(|i| i.row) {
                    c.sort_by_key(|i| i.row);
                }
            }
        } else {
            chunks[0].sort_by_cached_key(key);
        }
        chunks.sort_by_cached_key(|c| chunk_key(c));
    });
}
