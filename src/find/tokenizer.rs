//! The index's tokenizer: wirediff's own words ([`crate::normalize::words`], folded, with
//! British spellings made American), so that the index and the aligner read a text alike.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::normalize;

/// The name the tokenizer is registered under in an index.
pub(crate) const NAME: &str = "wirediff-words";

/// Splits text into wirediff's folded words.
#[derive(Clone, Default)]
pub(crate) struct Words {
    tokens: Vec<String>,
    token: Token,
}

/// The words of one text, in turn.
pub(crate) struct WordStream<'a> {
    tokens: std::vec::IntoIter<String>,
    token: &'a mut Token,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.tokens.clear();
        self.token.reset();
        let mut tokens = std::mem::take(&mut self.tokens);
        for_each_term(text, |w| tokens.push(w.to_string()));
        WordStream {
            tokens: tokens.into_iter(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(w) => {
                self.token.text = w;
                self.token.position = self.token.position.wrapping_add(1);
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Calls `f` with each indexed term of `text`: its folded words, spelled the American way.
pub(crate) fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    normalize::for_each_word(text, &mut buf, |w| f(&normalize::spelling(w)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut tok = Words::default();
        let mut stream = tok.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn terms_are_folded_words_in_american_spelling() {
        assert_eq!(
            terms("The U.S. Defence Secretary’s “Colour” — Café"),
            ["the", "us", "defense", "secretarys", "color", "café"]
        );
    }

    #[test]
    fn a_stream_can_be_taken_twice() {
        let mut tok = Words::default();
        for _ in 0..2 {
            let mut stream = tok.token_stream("Two words");
            let mut n = 0;
            while stream.advance() {
                n += 1;
            }
            assert_eq!(n, 2);
        }
    }
}
