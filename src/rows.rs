//! Long lists of report rows: kept in the chunks they were produced in, shared, and read
//! lazily by templates.
//!
//! The report's long lists (every initiative, every diagnostic, every rejected row) can
//! hold a million entries at national scale. They stay in the per-file chunks validation
//! made ([`Chunks`]), so that they are never gathered into one array (which would hold
//! every record twice for a moment); and turning them into template values up front would
//! copy all of them, so [`Rows`] instead hands the template engine an object that converts
//! one row when the template asks for it (`render::templates` makes that object; this
//! module knows no template engine). Serialised anywhere else (the JSON), a list is an
//! ordinary list.

use std::fmt::Debug;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// A list kept as the chunks it was produced in (one per file). Empty chunks are dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunks<T> {
    chunks: Vec<Vec<T>>,
    /// The index of each chunk's first element in the whole list.
    starts: Vec<usize>,
    len: usize,
}

impl<T> Chunks<T> {
    /// The list made of `chunks`, in order.
    pub fn new(chunks: Vec<Vec<T>>) -> Self {
        let mut list = Chunks {
            chunks: chunks.into_iter().filter(|c| !c.is_empty()).collect(),
            starts: Vec::new(),
            len: 0,
        };
        list.index();
        list
    }

    fn index(&mut self) {
        self.starts.clear();
        self.len = 0;
        for c in &self.chunks {
            self.starts.push(self.len);
            self.len += c.len();
        }
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every element, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone {
        self.chunks.iter().flatten()
    }

    /// The element at `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        let chunk = self
            .starts
            .partition_point(|s| *s <= index)
            .checked_sub(1)?;
        self.chunks[chunk].get(index - self.starts[chunk])
    }

    /// The chunks, each non-empty.
    pub fn chunks(&self) -> &[Vec<T>] {
        &self.chunks
    }

    /// Changes the chunks (their order, or their contents) and re-indexes the list.
    pub fn with_chunks(&mut self, change: impl FnOnce(&mut Vec<Vec<T>>)) {
        change(&mut self.chunks);
        self.chunks.retain(|c| !c.is_empty());
        self.index();
    }
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks::new(Vec::new())
    }
}

impl<T> From<Vec<T>> for Chunks<T> {
    fn from(list: Vec<T>) -> Self {
        Chunks::new(vec![list])
    }
}

impl<T: Serialize> Serialize for Chunks<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Read back as one chunk.
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Chunks<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(Chunks::from)
    }
}

#[cfg(test)]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Chunks<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

/// A list of rows, shared, read lazily by templates.
#[derive(Debug, Clone)]
pub struct Rows<T>(Arc<Chunks<T>>);

impl<T> Rows<T> {
    /// Wraps `rows`.
    pub fn new(rows: impl Into<Chunks<T>>) -> Self {
        Rows(Arc::new(rows.into()))
    }
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows(Arc::new(Chunks::default()))
    }
}

impl<T> Deref for Rows<T> {
    type Target = Chunks<T>;

    fn deref(&self) -> &Chunks<T> {
        &self.0
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Rows<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Chunks::<T>::deserialize(d).map(Rows::new)
    }
}

#[cfg(test)]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Rows<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

impl<T> Rows<T> {
    /// The shared list, for a view of it that converts rows on demand.
    pub fn shared(&self) -> Arc<Chunks<T>> {
        self.0.clone()
    }
}

impl<T: Serialize> Serialize for Rows<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize)]
    struct Row {
        name: &'static str,
        n: u32,
    }

    #[test]
    fn chunks_index_and_iterate_as_one_list() {
        let list = Chunks::new(vec![vec![1, 2], vec![], vec![3], vec![4, 5, 6]]);
        assert_eq!(list.len(), 6);
        assert_eq!(list.chunks().len(), 3);
        assert_eq!(list.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
        let got: Vec<Option<i32>> = (0..7).map(|i| list.get(i).copied()).collect();
        assert_eq!(
            got,
            [Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), None]
        );
        assert_eq!(serde_json::to_string(&list).unwrap(), "[1,2,3,4,5,6]");
        let mut list = list;
        list.with_chunks(|c| c.reverse());
        assert_eq!(list.get(0), Some(&4));
        assert_eq!(list.get(5), Some(&2));
        assert!(Chunks::<i32>::new(vec![vec![]]).is_empty());
    }

    #[test]
    fn rows_serialise_as_one_list() {
        let rows = Rows::new(Chunks::new(vec![
            vec![Row { name: "a", n: 1 }],
            vec![Row { name: "b", n: 2 }],
        ]));
        assert_eq!(
            serde_json::to_string(&rows).unwrap(),
            r#"[{"name":"a","n":1},{"name":"b","n":2}]"#
        );
    }
}
