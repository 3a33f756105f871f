//! The bzip2 block decoder, on a block of any bits: it never panics or
//! hangs. (That what it accepts libbzip2 reads the same is tested on damaged
//! blocks in `dump::blocks`.)
#![no_main]

use std::io::Read;

use filmgraph_parse::dump::bzip2_decoder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // A stream header and a block's magic number, then the fuzzer's bits:
    // every input reaches the block decoder.
    let mut file = b"BZh9\x31\x41\x59\x26\x53\x59".to_vec();
    file.extend_from_slice(bytes);
    if let Ok(mut decoder) = bzip2_decoder(std::io::Cursor::new(file), 2) {
        let mut out = Vec::new();
        let _ = decoder.read_to_end(&mut out);
    }
});
