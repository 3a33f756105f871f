//! Decoding a bzip2 file on several threads, block by block, as `lbzip2`
//! does: the blocks of a bzip2 stream are independent, each starts with a
//! 48-bit magic number (at any bit offset) and carries its own CRC. One
//! thread reads the file and cuts it at those magic numbers; workers decode
//! the blocks (`block_decoder.rs`); [`ParallelDecoder`] hands the decoded
//! blocks on in order.
//! Single-stream and multistream files alike; no index is needed.
//!
//! The magic number can also occur by chance inside compressed data (about
//! once in 2^48 bits); a piece that fails to decode is joined to the next
//! one and decoded again, so a false cut costs time, never data.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use super::block_decoder::{BlockDecoder, BlockError};

const BLOCK_MAGIC: u64 = 0x3141_5926_5359;
const END_MAGIC: u64 = 0x1772_4538_5090;
const MASK48: u64 = (1 << 48) - 1;
/// Whether a byte can be the one before the byte a magic number ends in:
/// that byte holds 8 of its bits, which of them fixed by the magic's bit
/// offset (8 offsets, 2 magic numbers: 16 values). Most bytes of compressed
/// data are none of them and need no closer look.
const MAY_PRECEDE_LAST_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut shift = 0;
    while shift < 8 {
        table[((BLOCK_MAGIC >> (8 - shift)) & 0xff) as usize] = true;
        table[((END_MAGIC >> (8 - shift)) & 0xff) as usize] = true;
        shift += 1;
    }
    table
};
/// How much of the file is read at a time.
const READ_SIZE: usize = 1 << 20;
/// Room a decoded block's buffer starts with (a block of level 9 decodes
/// to about 900 KB, more after its run-length stage).
const BLOCK_ROOM: usize = 1 << 20;
/// More compressed bytes than a block of 900 kB can take.
const MAX_BLOCK_BYTES: usize = 8 << 20;

/// A piece of the compressed file: the bits of one block (or, after a
/// false cut, a part of one), from its magic number on.
struct Piece {
    /// The stream's block size digit (`BZh9`: b'9').
    level: u8,
    /// The bytes the piece lies in: it starts at bit `start` (0–7) of the
    /// first and is `nbits` long.
    bits: Vec<u8>,
    start: u64,
    nbits: u64,
    /// Where the piece starts in the file, in bytes (for messages).
    offset: u64,
}

impl Piece {
    /// The piece as a bzip2 stream of its own: header, the block, the
    /// end-of-stream marker and the stream CRC (for one block, its own CRC).
    fn to_stream(&self) -> Vec<u8> {
        let mut out = BitWriter::default();
        out.push_bytes(&[b'B', b'Z', b'h', self.level]);
        out.push_bits_from(&self.bits, self.start, self.nbits);
        out.push_value(END_MAGIC, 48);
        out.push_value(bits_at(&self.bits, self.start + 48, 32), 32);
        out.finish()
    }

    /// This piece followed by the next: undoes a false cut.
    fn join(mut self, next: &Piece) -> Piece {
        let mut out = BitWriter {
            bytes: std::mem::take(&mut self.bits),
            nbits: self.start + self.nbits,
        };
        out.bytes.truncate(out.nbits.div_ceil(8) as usize);
        out.push_bits_from(&next.bits, next.start, next.nbits);
        Piece {
            level: self.level,
            start: self.start,
            nbits: out.nbits - self.start,
            bits: out.bytes,
            offset: self.offset,
        }
    }

    fn decode(&self, decoder: &mut BlockDecoder) -> io::Result<Vec<u8>> {
        self.decode_into(decoder, Vec::with_capacity(BLOCK_ROOM))
    }

    /// Decodes into `out` (emptied first), a buffer used before.
    fn decode_into(&self, decoder: &mut BlockDecoder, mut out: Vec<u8>) -> io::Result<Vec<u8>> {
        out.clear();
        let bits = self.start..self.start + self.nbits;
        match decoder.decode(&self.bits, bits, self.level, &mut out) {
            Ok(()) => Ok(out),
            Err(BlockError::Randomised) => {
                out.clear();
                let stream = self.to_stream();
                bzip2::read::BzDecoder::new(stream.as_slice()).read_to_end(&mut out)?;
                Ok(out)
            }
            Err(e) => Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        }
    }
}

/// `count` (at most 64) bits of `bytes` from bit `start`, most significant first.
fn bits_at(bytes: &[u8], start: u64, count: u32) -> u64 {
    let mut value = 0u64;
    for i in 0..u64::from(count) {
        let bit = start + i;
        let byte = bytes.get((bit / 8) as usize).copied().unwrap_or(0);
        value = (value << 1) | u64::from((byte >> (7 - bit % 8)) & 1);
    }
    value
}

/// Bits appended most significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    nbits: u64,
}

impl BitWriter {
    fn push_bytes(&mut self, bytes: &[u8]) {
        self.push_bits_from(bytes, 0, bytes.len() as u64 * 8);
    }

    /// Appends `count` bits of `src` starting at bit `start`.
    fn push_bits_from(&mut self, src: &[u8], start: u64, count: u64) {
        if count == 0 {
            return;
        }
        if self.nbits.is_multiple_of(8) && start.is_multiple_of(8) {
            let from = (start / 8) as usize;
            let whole = (count / 8) as usize;
            self.bytes.truncate((self.nbits / 8) as usize);
            self.bytes.extend_from_slice(&src[from..from + whole]);
            self.nbits += whole as u64 * 8;
            let rest = count % 8;
            if rest > 0 {
                self.push_value(
                    bits_at(src, start + whole as u64 * 8, rest as u32),
                    rest as u32,
                );
            }
            return;
        }
        // Shift whole bytes of the source into place, then the tail bit by bit.
        let shift = (start % 8) as u32;
        let from = (start / 8) as usize;
        let whole = count / 8;
        if self.nbits.is_multiple_of(8) {
            self.bytes.truncate((self.nbits / 8) as usize);
            self.bytes.reserve(whole as usize + 1);
            for i in 0..whole as usize {
                let hi = src[from + i] << shift;
                let lo = if shift == 0 {
                    0
                } else {
                    src.get(from + i + 1).copied().unwrap_or(0) >> (8 - shift)
                };
                self.bytes.push(hi | lo);
            }
            self.nbits += whole * 8;
            let rest = count % 8;
            if rest > 0 {
                self.push_value(bits_at(src, start + whole * 8, rest as u32), rest as u32);
            }
            return;
        }
        let mut done = 0;
        while done < count {
            let n = (count - done).min(32) as u32;
            self.push_value(bits_at(src, start + done, n), n);
            done += u64::from(n);
        }
    }

    /// Appends the low `count` bits of `value`.
    fn push_value(&mut self, value: u64, count: u32) {
        for i in (0..count).rev() {
            let bit = ((value >> i) & 1) as u8;
            let at = (self.nbits / 8) as usize;
            if at == self.bytes.len() {
                self.bytes.push(0);
            }
            self.bytes[at] |= bit << (7 - self.nbits % 8);
            self.nbits += 1;
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// What the cutting thread hands on, in order.
enum Slot {
    /// The decoded block, or why it could not be decoded (with the piece,
    /// to be joined to the next one).
    Block(Receiver<Result<Vec<u8>, (io::Error, Piece)>>),
    /// The file cannot be read further.
    Failed(io::Error),
}

type Job = (Piece, SyncSender<Result<Vec<u8>, (io::Error, Piece)>>);

/// The decoded bytes of a bzip2 file, decoded on `threads` threads.
pub(crate) struct ParallelDecoder {
    slots: Receiver<Slot>,
    current: io::Cursor<Vec<u8>>,
    /// Blocks read, their buffers handed back for the decoding threads to
    /// fill again (a fresh megabyte each block costs page faults).
    spare: Spare,
    /// A piece that failed alone, waiting to be joined to the next.
    failed: Option<(io::Error, Piece)>,
    /// Decoded blocks of a join, not yet read.
    ready: VecDeque<Vec<u8>>,
    done: bool,
}

impl ParallelDecoder {
    pub(crate) fn new<R: Read + Send + 'static>(file: R, threads: usize) -> io::Result<Self> {
        let threads = threads.max(1);
        let (slot_tx, slots) = sync_channel::<Slot>(threads * 2 + 2);
        let (job_tx, job_rx) = channel::<Job>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let spare = Spare::new(threads * 2 + 4);
        for i in 0..threads {
            let job_rx = job_rx.clone();
            let spare = spare.clone();
            thread::Builder::new()
                .name(format!("bunzip-{i}"))
                .spawn(move || decode_jobs(&job_rx, &spare))?;
        }
        thread::Builder::new()
            .name("bunzip-cut".into())
            .spawn(move || cut(file, &slot_tx, &job_tx))?;
        Ok(ParallelDecoder {
            slots,
            current: io::Cursor::new(Vec::new()),
            spare,
            failed: None,
            ready: VecDeque::new(),
            done: false,
        })
    }

    /// The next decoded block, `None` at the end.
    fn next_block(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            if let Some(block) = self.ready.pop_front() {
                return Ok(Some(block));
            }
            if self.done {
                return Ok(None);
            }
            let slot = match self.slots.recv() {
                Ok(slot) => slot,
                Err(_) => {
                    self.done = true;
                    return match self.failed.take() {
                        Some((e, piece)) => Err(broken(e, &piece)),
                        None => Ok(None),
                    };
                }
            };
            let result = match slot {
                Slot::Block(rx) => rx.recv().unwrap_or_else(|_| {
                    Err((
                        io::Error::other("a decoding thread stopped"),
                        Piece {
                            level: b'9',
                            bits: Vec::new(),
                            start: 0,
                            nbits: 0,
                            offset: 0,
                        },
                    ))
                }),
                Slot::Failed(e) => {
                    self.done = true;
                    return Err(e);
                }
            };
            match (self.failed.take(), result) {
                (None, Ok(block)) => return Ok(Some(block)),
                (None, Err(failed)) => self.failed = Some(failed),
                // The next block is whole: the failed one is broken.
                (Some((e, first)), Ok(_)) => {
                    self.done = true;
                    return Err(broken(e, &first));
                }
                // Perhaps a false cut: the two pieces may be one block.
                (Some((_, first)), Err((_, next))) => {
                    let joined = first.join(&next);
                    match joined.decode(&mut BlockDecoder::default()) {
                        Ok(block) => return Ok(Some(block)),
                        Err(e) => self.failed = Some((e, joined)),
                    }
                }
            }
        }
    }
}

/// The error for a piece that could not be decoded.
fn broken(e: io::Error, piece: &Piece) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "the bzip2 data is corrupt or cut short in the block at compressed byte {} ({e})",
            piece.offset
        ),
    )
}

impl Read for ParallelDecoder {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            match self.next_block()? {
                Some(block) => {
                    let read = std::mem::replace(&mut self.current, io::Cursor::new(block));
                    self.spare.give(read.into_inner());
                }
                None => return Ok(0),
            }
        }
    }
}

fn decode_jobs(jobs: &Mutex<Receiver<Job>>, spare: &Spare) {
    let mut decoder = BlockDecoder::default();
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((piece, reply)) = job else { return };
        let out = spare
            .take()
            .unwrap_or_else(|| Vec::with_capacity(BLOCK_ROOM));
        let result = piece.decode_into(&mut decoder, out).map_err(|e| (e, piece));
        let _ = reply.send(result);
    }
}

/// Reads the file, cuts it into blocks and hands them out.
fn cut<R: Read>(mut file: R, slots: &SyncSender<Slot>, jobs: &Sender<Job>) {
    let mut cutter = Cutter::default();
    let mut chunk = vec![0u8; READ_SIZE];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = slots.send(Slot::Failed(e));
                return;
            }
        };
        for piece in cutter.feed(&chunk[..n]) {
            if !hand_out(piece, slots, jobs) {
                return;
            }
        }
    }
    if let Some(piece) = cutter.finish() {
        hand_out(piece, slots, jobs);
    }
}

/// Buffers of blocks already read, for the decoding threads to reuse.
#[derive(Clone)]
struct Spare {
    buffers: Arc<Mutex<Vec<Vec<u8>>>>,
    most: usize,
}

impl Spare {
    fn new(most: usize) -> Self {
        Spare {
            buffers: Arc::new(Mutex::new(Vec::with_capacity(most))),
            most,
        }
    }

    fn take(&self) -> Option<Vec<u8>> {
        self.buffers.lock().ok()?.pop()
    }

    fn give(&self, buffer: Vec<u8>) {
        if buffer.capacity() == 0 {
            return;
        }
        if let Ok(mut buffers) = self.buffers.lock() {
            if buffers.len() < self.most {
                buffers.push(buffer);
            }
        }
    }
}

fn hand_out(piece: Piece, slots: &SyncSender<Slot>, jobs: &Sender<Job>) -> bool {
    let (reply, rx) = sync_channel(1);
    // The slot first: it bounds how far ahead of the reader the cutting goes.
    slots.send(Slot::Block(rx)).is_ok() && jobs.send((piece, reply)).is_ok()
}

/// Finds the magic numbers in the bytes it is fed.
#[derive(Default)]
struct Cutter {
    /// The bytes from the start of the current block (whole bytes: the block
    /// starts at bit `start_bit` of `buf[0]`).
    buf: Vec<u8>,
    /// The file offset of `buf[0]`.
    buf_offset: u64,
    /// Bit offset in `buf[0]` where the current block starts, if in one.
    start_bit: Option<u64>,
    level: u8,
    /// The last 64 bits read, and how many bytes have been read in all.
    window: u64,
    read: u64,
}

impl Cutter {
    fn feed(&mut self, bytes: &[u8]) -> Vec<Piece> {
        let mut pieces = Vec::new();
        // Cuts only read bits before the byte at hand, and drops only bytes
        // before it: the chunk can go into `buf` whole.
        self.buf.extend_from_slice(bytes);
        // In locals, not fields: the loop keeps them in registers.
        let (mut window, mut read) = (self.window, self.read);
        for &b in bytes {
            let previous = window as u8;
            window = (window << 8) | u64::from(b);
            read += 1;
            if !MAY_PRECEDE_LAST_BYTE[usize::from(previous)] || read < 6 {
                continue;
            }
            for shift in 0..8u32 {
                let word = (window >> shift) & MASK48;
                if word != BLOCK_MAGIC && word != END_MAGIC {
                    continue;
                }
                // The magic number's first bit, counted from the file's start.
                let magic_bit = read * 8 - u64::from(shift) - 48;
                if let Some(piece) = self.cut_at(magic_bit) {
                    pieces.push(piece);
                }
                if word == BLOCK_MAGIC {
                    self.start_block(magic_bit);
                } else {
                    self.start_bit = None;
                    // Keep only the bytes a later block may start in.
                    self.drop_before(read.saturating_sub(16));
                }
            }
        }
        (self.window, self.read) = (window, read);
        if self.start_bit.is_none() {
            self.drop_before(self.read.saturating_sub(16));
        } else if self.buf.len() > MAX_BLOCK_BYTES {
            // No block is this long: hand it on to fail, and look for the next.
            pieces.extend(self.cut_at(self.read * 8));
            self.start_bit = None;
            self.drop_before(self.read.saturating_sub(16));
        }
        pieces
    }

    /// The current block, ending where a magic number at `end_bit` starts.
    fn cut_at(&mut self, end_bit: u64) -> Option<Piece> {
        let start = self.start_bit?;
        let base = self.buf_offset * 8;
        let (from, to) = (start - base, end_bit - base);
        Some(Piece {
            level: self.level,
            bits: self.buf[(from / 8) as usize..to.div_ceil(8) as usize].to_vec(),
            start: from % 8,
            nbits: to - from,
            offset: start / 8,
        })
    }

    fn start_block(&mut self, magic_bit: u64) {
        // A stream header `BZh1`..`BZh9` just before a block that starts on a
        // byte boundary gives the block size of that stream.
        if magic_bit.is_multiple_of(8) {
            let at = magic_bit / 8;
            if at >= self.buf_offset + 4 {
                let i = (at - self.buf_offset) as usize;
                let head = &self.buf[i - 4..i];
                if head.starts_with(b"BZh") && (b'1'..=b'9').contains(&head[3]) {
                    self.level = head[3];
                }
            }
        }
        if self.level == 0 {
            self.level = b'9';
        }
        self.drop_before(magic_bit / 8);
        self.start_bit = Some(magic_bit);
    }

    /// Forgets the bytes before file offset `offset`.
    fn drop_before(&mut self, offset: u64) {
        if offset > self.buf_offset {
            let n = ((offset - self.buf_offset) as usize).min(self.buf.len());
            self.buf.drain(..n);
            self.buf_offset += n as u64;
        }
    }

    /// The block still open at the end of the file: a file cut short.
    fn finish(&mut self) -> Option<Piece> {
        let end = self.read * 8;
        self.cut_at(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn compress(data: &[u8], level: u32) -> Vec<u8> {
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(level));
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// The next number of a xorshift sequence (test data, reproducible).
    fn xorshift(x: &mut u64) -> u64 {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        *x
    }

    /// Text that compresses into several blocks at level 1.
    fn sample(len: usize) -> Vec<u8> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..len)
            .map(|i| {
                xorshift(&mut x);
                if i % 61 == 0 {
                    b'\n'
                } else {
                    b"abcdefghij klmnop"[(x % 17) as usize]
                }
            })
            .collect()
    }

    fn decode(bytes: Vec<u8>, threads: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        ParallelDecoder::new(io::Cursor::new(bytes), threads)?.read_to_end(&mut out)?;
        Ok(out)
    }

    /// The pieces a compressed file is cut into.
    fn pieces(bz: &[u8]) -> Vec<Piece> {
        let mut cutter = Cutter::default();
        let mut pieces = cutter.feed(bz);
        pieces.extend(cutter.finish());
        pieces
    }

    fn with_libbzip2(piece: &Piece) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        bzip2::read::BzDecoder::new(piece.to_stream().as_slice()).read_to_end(&mut out)?;
        Ok(out)
    }

    /// Data of the shapes that exercise each stage of a block: text; one
    /// byte repeated (runs longer than the first stage's 255); every byte
    /// value; bytes that do not compress; a few symbols with rare others
    /// (codes longer than the decoder's table); a single byte; blocks shorter
    /// and a little longer than the number of stretches the inversion walks.
    fn shapes() -> Vec<Vec<u8>> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || xorshift(&mut x);
        let noise: Vec<u8> = (0..200_000).map(|_| next() as u8).collect();
        let skewed: Vec<u8> = (0..300_000)
            .map(|_| {
                let r = next();
                if r % 211 == 0 {
                    (r >> 8) as u8
                } else {
                    b'a' + (r % 3) as u8
                }
            })
            .collect();
        let mut runs = Vec::new();
        for len in [1usize, 3, 4, 5, 8, 255, 259, 260, 1000, 50_000] {
            runs.extend(std::iter::repeat_n(b'q', len));
            runs.push(b'r');
        }
        vec![
            sample(300_000),
            vec![b'a'; 120_000],
            (0..=255u8).cycle().take(100_000).collect(),
            noise,
            skewed,
            runs,
            vec![7],
            sample(100),
            sample(300),
            sample(700),
        ]
    }

    #[test]
    fn every_block_decodes_as_libbzip2_decodes_it() {
        let mut decoder = BlockDecoder::default();
        for (shape, data) in shapes().iter().enumerate() {
            for level in [1, 9] {
                let bz = compress(data, level);
                let mut whole = Vec::new();
                for piece in pieces(&bz) {
                    let ours = piece.decode(&mut decoder).unwrap();
                    assert!(ours == with_libbzip2(&piece).unwrap(), "shape {shape}");
                    whole.extend(ours);
                }
                assert!(&whole == data, "shape {shape} level {level}");
            }
        }
    }

    #[test]
    fn a_damaged_block_is_refused_or_read_as_libbzip2_reads_it() {
        let data = sample(150_000);
        let piece = pieces(&compress(&data, 1)).swap_remove(0);
        let mut decoder = BlockDecoder::default();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut refused = 0;
        for _ in 0..400 {
            xorshift(&mut x);
            let mut damaged = Piece {
                level: piece.level,
                bits: piece.bits.clone(),
                start: piece.start,
                nbits: piece.nbits,
                offset: 0,
            };
            // One or two bits flipped, anywhere after the magic number.
            for flip in [x, x >> 32].iter().take(1 + (x % 2) as usize) {
                let bit = piece.start + 48 + flip % (piece.nbits - 48);
                damaged.bits[(bit / 8) as usize] ^= 0x80 >> (bit % 8);
            }
            let ours = damaged.decode(&mut decoder);
            let theirs = with_libbzip2(&damaged);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert!(a == b),
                (Err(_), Err(_)) => refused += 1,
                _ => panic!("ours {:?}, libbzip2 {:?}", ours.err(), theirs.err()),
            }
        }
        assert!(refused > 350, "{refused}");
    }

    #[test]
    fn a_stream_of_many_blocks_decodes_as_bzip2_does() {
        let data = sample(700_000);
        let bz = compress(&data, 1);
        for threads in [1, 2, 3] {
            assert!(
                decode(bz.clone(), threads).unwrap() == data,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn concatenated_streams_of_any_level_decode_in_order() {
        let (a, b, c) = (sample(250_000), b"tiny".to_vec(), sample(120_000));
        let mut bz = compress(&a, 1);
        bz.extend(compress(&b, 9));
        bz.extend(compress(&c, 2));
        let expected: Vec<u8> = [a, b, c].concat();
        assert!(decode(bz, 2).unwrap() == expected);
    }

    #[test]
    fn a_cut_file_keeps_its_whole_blocks_and_then_fails() {
        let data = sample(700_000);
        let bz = compress(&data, 1);
        let cut = bz[..bz.len() * 2 / 3].to_vec();
        let mut out = Vec::new();
        let mut reader = ParallelDecoder::new(io::Cursor::new(cut), 2).unwrap();
        let err = reader.read_to_end(&mut out).unwrap_err();
        assert!(err.to_string().contains("corrupt or cut short"), "{err}");
        assert!(
            out.len() >= 300_000 && data.starts_with(&out),
            "{}",
            out.len()
        );
    }

    #[test]
    fn a_magic_number_is_found_at_every_bit_offset_and_in_any_chunking() {
        for offset in 0..8u64 {
            // 0xa5 filler, a block magic starting `offset` bits into byte
            // 10, more filler, an end-of-stream magic after it.
            let mut bits = BitWriter::default();
            bits.push_bytes(&[0xa5; 10]);
            bits.push_value(0, offset as u32);
            bits.push_value(BLOCK_MAGIC, 48);
            bits.push_bytes(&[0xa5; 20]);
            bits.push_value(END_MAGIC, 48);
            bits.push_bytes(&[0xa5; 10]);
            let bytes = bits.finish();
            for chunk in [1, 3, 7, bytes.len()] {
                let mut cutter = Cutter::default();
                let mut pieces = Vec::new();
                for part in bytes.chunks(chunk) {
                    pieces.extend(cutter.feed(part));
                }
                assert_eq!(pieces.len(), 1, "offset {offset}, chunks of {chunk}");
                // From the block's magic number to the end-of-stream one.
                assert_eq!(pieces[0].nbits, 48 + 20 * 8);
                assert_eq!(pieces[0].start, offset);
                assert_eq!(bits_at(&pieces[0].bits, offset, 48), BLOCK_MAGIC);
            }
        }
    }

    #[test]
    fn a_false_cut_is_joined_back() {
        let data = sample(300_000);
        let bz = compress(&data, 1);
        let mut cutter = Cutter::default();
        let mut pieces = cutter.feed(&bz);
        assert!(cutter.finish().is_none());
        assert!(pieces.len() >= 3);
        // Split the first piece in two at an arbitrary bit, as a magic number
        // met by chance would.
        let first = pieces.remove(0);
        let at = 12_345;
        let mut head = BitWriter::default();
        head.push_bits_from(&first.bits, first.start, at);
        let head = Piece {
            level: first.level,
            nbits: head.nbits,
            bits: head.bytes,
            start: 0,
            offset: 0,
        };
        // The tail as the cutter makes pieces: the bytes it lies in.
        let tail_bit = first.start + at;
        let tail = Piece {
            level: first.level,
            nbits: first.nbits - at,
            bits: first.bits[(tail_bit / 8) as usize..].to_vec(),
            start: tail_bit % 8,
            offset: 0,
        };
        assert_ne!(tail.start, 0);
        assert!(head.decode(&mut BlockDecoder::default()).is_err());
        let joined = head.join(&tail);
        assert_eq!(joined.nbits, first.nbits);
        assert!(
            joined.decode(&mut BlockDecoder::default()).unwrap()
                == first.decode(&mut BlockDecoder::default()).unwrap()
        );
    }
}
