//! Serde values as Python objects: the dicts, lists, strings and numbers that `json.loads`
//! of the same value's JSON gives.
//!
//! A news report is about a thousand dict entries under a few dozen distinct keys, and
//! hundreds of short strings ("equal", "reworded", "the") among its values. `json.loads`
//! makes each distinct key once; a plain serde-to-Python conversion makes a new string for
//! every key and value, then hashes it as it goes into its dict. This one keeps the Python
//! string of every key, and of every short value, for the length of one conversion, so that
//! a repeated one costs a lookup: Python strings cache their hash, so a reused key is not
//! hashed again either. Measured on the news benchmark pairs, this took the Python layer's
//! cost over the library from about a fifth to about a tenth.

use std::collections::HashMap;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use serde::ser::{self, Impossible};

/// `value` as Python objects.
pub fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let mut strings = Strings {
        py,
        keys: HashMap::default(),
        short: HashMap::default(),
    };
    value.serialize(&mut strings).map_err(|e| e.0)
}

/// Strings no longer than this are kept for reuse within one conversion.
const SHORT: usize = 16;

/// The strings made so far in one conversion.
struct Strings<'py> {
    py: Python<'py>,
    /// Field names, by their address: the same `&'static str` is the same key.
    keys: HashMap<(usize, usize), Bound<'py, PyString>, FxBuildHasher>,
    /// Short values, by their text.
    short: HashMap<([u8; SHORT], u8), Bound<'py, PyString>, FxBuildHasher>,
}

impl<'py> Strings<'py> {
    fn key(&mut self, key: &'static str) -> Bound<'py, PyString> {
        let py = self.py;
        self.keys
            .entry((key.as_ptr() as usize, key.len()))
            .or_insert_with(|| PyString::new(py, key))
            .clone()
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyString> {
        if s.len() > SHORT {
            return PyString::new(self.py, s);
        }
        let mut text = [0u8; SHORT];
        text[..s.len()].copy_from_slice(s.as_bytes());
        let py = self.py;
        self.short
            .entry((text, s.len() as u8))
            .or_insert_with(|| PyString::new(py, s))
            .clone()
    }
}

/// A Python error carried through serde.
pub struct Error(PyErr);

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(crate::Error::new_err(format!("internal error: {msg}")))
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(ser::Error::custom(format!(
        "{what} has no JSON form to convert"
    )))
}

impl<'a, 'py> ser::Serializer for &'a mut Strings<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Impossible<Bound<'py, PyAny>, Error>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        let Ok(v) = v.into_pyobject(self.py);
        Ok(v.into_any())
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        let Ok(v) = v.into_pyobject(self.py);
        Ok(v.into_any())
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        // serde_json writes a NaN or an infinity as null.
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.string(v).into_any())
    }
    fn serialize_bytes(self, _: &[u8]) -> Out<'py> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(self.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let dict = PyDict::new(self.py);
        let key = self.key(variant);
        dict.set_item(key, value.serialize(&mut *self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            strings: self,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            key: None,
            strings: self,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("a struct variant")
    }
}

/// A list being filled.
pub struct Seq<'a, 'py> {
    items: Vec<Bound<'py, PyAny>>,
    strings: &'a mut Strings<'py>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(&mut *self.strings)?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        Ok(PyList::new(self.strings.py, self.items)?.into_any())
    }
}

/// The three list-like serde traits, all filled the same way.
macro_rules! seq_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

/// A dict being filled.
pub struct Map<'a, 'py> {
    dict: Bound<'py, PyDict>,
    /// A map's key, waiting for its value.
    key: Option<Bound<'py, PyAny>>,
    strings: &'a mut Strings<'py>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let key = key.serialize(&mut *self.strings)?;
        if !key.is_instance_of::<PyString>() {
            return Err(ser::Error::custom("a map key that is not a string"));
        }
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let Some(key) = self.key.take() else {
            return Err(ser::Error::custom("a map value without its key"));
        };
        let value = value.serialize(&mut *self.strings)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let key = self.strings.key(key);
        let value = value.serialize(&mut *self.strings)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}
