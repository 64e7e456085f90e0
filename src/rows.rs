//! A shared list of report rows that templates read lazily.
//!
//! The report's long lists (every initiative, every diagnostic, every rejected row) can
//! hold a million entries at national scale. Turning them into template values up front
//! would copy all of them; [`Rows`] instead hands the template engine an object that
//! converts one row when the template asks for it. Serialised anywhere else (the JSON), it
//! is an ordinary list.

use std::fmt::Debug;
use std::ops::Deref;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Serde, Value};
use serde::{Serialize, Serializer};

/// A list of rows, shared, read lazily by templates.
#[derive(Debug, Clone)]
pub struct Rows<T>(Arc<Vec<T>>);

impl<T> Rows<T> {
    /// Wraps `rows`.
    pub fn new(rows: Vec<T>) -> Self {
        Rows(Arc::new(rows))
    }
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows(Arc::new(Vec::new()))
    }
}

impl<T> Deref for Rows<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Serialize + Debug + Send + Sync + 'static> Serialize for Rows<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            Value::from_object(Lazy(self.0.clone())).serialize(s)
        } else {
            self.0.serialize(s)
        }
    }
}

/// The template engine's view of [`Rows`]: a sequence converting rows on demand.
#[derive(Debug)]
struct Lazy<T>(Arc<Vec<T>>);

impl<T: Serialize + Debug + Send + Sync + 'static> Object for Lazy<T> {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let row = self.0.get(key.as_usize()?)?;
        Some(Value::from(Serde(row)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
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
    fn templates_see_a_sequence_and_json_a_list() {
        let rows = Rows::new(vec![Row { name: "a", n: 1 }, Row { name: "b", n: 2 }]);
        let mut env = minijinja::Environment::new();
        env.add_template("t", "{{ rows | length }}:{% for r in rows %}{{ r.name }}{{ r.n }}{% endfor %}:{{ rows[1].name }}")
            .unwrap();
        let ctx = minijinja::context! { rows => Value::from(Serde(&rows)) };
        assert_eq!(
            env.get_template("t").unwrap().render(ctx).unwrap(),
            "2:a1b2:b"
        );
        assert_eq!(
            serde_json::to_string(&rows).unwrap(),
            r#"[{"name":"a","n":1},{"name":"b","n":2}]"#
        );
    }
}
