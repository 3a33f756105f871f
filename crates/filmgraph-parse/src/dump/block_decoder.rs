//! Decoding one bzip2 block, from its magic number to its end-of-block
//! symbol, faster than libbzip2 does it.
//!
//! The format is libbzip2's (`decompress.c` is the reference; every check
//! it makes on a block is made here, in the same order, so a block is
//! accepted or refused alike). Two things make it faster:
//!
//! - **Huffman codes by table.** libbzip2 reads a code a bit at a time
//!   (one comparison per bit of code length). Here the next 10 bits index a
//!   table that gives the symbol and its length at once; only codes longer
//!   than 10 bits (rare: the encoder keeps them for rare symbols) take the
//!   bit-by-bit way. The bits come from a register topped up four bytes at
//!   a time ([`BitBuffer`]), so a code's lookup waits on a shift, not on a
//!   load from memory behind the length of the code before it.
//! - **The Burrows–Wheeler inversion on many stretches at once.** Undoing
//!   the transform follows a chain of up to 900,000 dependent reads at
//!   random places in a 3.6 MB array: each waits for the one before, so the
//!   core mostly waits for memory. The chain is cut at 256 evenly spaced
//!   rows and at the original row (the entry that leads into each is
//!   flagged in a spare bit); the stretches between them are walked side by
//!   side, so that many reads are in flight instead of one, and joined in
//!   the order the walk met them. The walk goes in rounds of a fixed number
//!   of steps with no bookkeeping inside a round, so that a step is a few
//!   instructions and the core holds many of them in flight. With 256
//!   stretches rather than 32, the walk's tail (the last, longest stretches,
//!   walked with few others beside them) is short.
//!
//! Randomised blocks (a bzip2 0.9.0 option no encoder has written since
//! 1999) are refused with [`BlockError::Randomised`], for the caller to hand
//! to libbzip2.

use crc::{Crc, Table, CRC_32_BZIP2};

/// A block's magic number (BCD of pi).
const BLOCK_MAGIC: u32 = 0x3141_5926;
const BLOCK_MAGIC_LOW: u32 = 0x5359;
/// Bits of code the fast table resolves.
const TABLE_BITS: u32 = 10;
/// The longest code libbzip2 accepts.
const MAX_CODE_LEN: usize = 20;
/// libbzip2's `BZ_MAX_CODE_LEN`: the size of its limit and base arrays.
const CODE_LEN_SLOTS: usize = 23;
const MAX_ALPHA_SIZE: usize = 258;
const MAX_GROUPS: usize = 6;
const MAX_SELECTORS: usize = 18_002;
const GROUP_SIZE: u32 = 50;
/// How many stretches of a block are walked side by side.
const CHAINS: usize = 256;
/// Steps each stretch takes between two checks of which have ended.
const ROUND: usize = 64;
/// In a row's entry: the next row starts a stretch.
const SAMPLE_NEXT: u32 = 1 << 31;
/// A row number (a block has at most 900,000 rows).
const ROW_MASK: u32 = (1 << 20) - 1;
const RUNA: u16 = 0;
const RUNB: u16 = 1;

static CRC32: Crc<u32, Table<16>> = Crc::<u32, Table<16>>::new(&CRC_32_BZIP2);

/// Why a block could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum BlockError {
    #[error("the block does not start with a block magic number")]
    NoMagic,
    #[error("the block's data is malformed ({0})")]
    Malformed(&'static str),
    #[error("the block is cut short")]
    Truncated,
    #[error("the block's CRC is {stored:08x} but its data's is {computed:08x}")]
    Crc { stored: u32, computed: u32 },
    #[error("the block is randomised (an option of bzip2 0.9.0)")]
    Randomised,
}

fn malformed<T>(what: &'static str) -> Result<T, BlockError> {
    Err(BlockError::Malformed(what))
}

/// The buffers one thread reuses from block to block.
#[derive(Default)]
pub(crate) struct BlockDecoder {
    /// The block as the Huffman and move-to-front stages give it: the last
    /// column of the sorted rotations.
    last: Vec<u8>,
    /// For each row of the sorted rotations, the next row (bits 8–27), the
    /// row's first byte (bits 0–7) and whether the next row starts a stretch
    /// (bit 31); then one more entry, for a walk that has ended to wait on.
    forward: Vec<u32>,
    /// The block's stretches, walked side by side.
    stretches: Vec<Vec<u8>>,
    /// The block after the inversion, before its run-length stage.
    unsorted: Vec<u8>,
    selectors: Vec<u8>,
}

impl BlockDecoder {
    /// Decodes the block in bits `range` of `bits` (counted from the first
    /// byte's most significant bit; the range starts at the magic number) of
    /// a stream of block size `level` (`b'1'`..=`b'9'`) and appends its
    /// bytes to `out`. On an error `out` may hold part of the block.
    pub(crate) fn decode(
        &mut self,
        bits: &[u8],
        range: std::ops::Range<u64>,
        level: u8,
        out: &mut Vec<u8>,
    ) -> Result<(), BlockError> {
        if !(b'1'..=b'9').contains(&level) {
            return malformed("block size");
        }
        let max_len = usize::from(level - b'0') * 100_000;
        let mut reader = Bits::new(bits, range);
        if reader.read(32) != BLOCK_MAGIC || reader.read(16) != BLOCK_MAGIC_LOW {
            return Err(BlockError::NoMagic);
        }
        let stored_crc = reader.read(32);
        if reader.bit() {
            return Err(BlockError::Randomised);
        }
        let orig_ptr = reader.read(24) as usize;

        let (symbols, n_symbols) = read_symbol_map(&mut reader)?;
        let alpha_size = n_symbols + 2;
        let n_groups = reader.read(3) as usize;
        if !(2..=MAX_GROUPS).contains(&n_groups) {
            return malformed("number of Huffman tables");
        }
        self.read_selectors(&mut reader, n_groups)?;
        let mut tables = Vec::with_capacity(n_groups);
        for _ in 0..n_groups {
            tables.push(read_table(&mut reader, alpha_size)?);
        }

        let (counts, len) =
            self.read_symbols(&mut reader, &tables, &symbols, n_symbols, max_len)?;
        // The next block (or the stream's end) follows at once, unpadded.
        if reader.past_end() {
            return Err(BlockError::Truncated);
        }
        if reader.pos < reader.end {
            return malformed("bits after the end of the block");
        }
        if orig_ptr >= len {
            return malformed("original pointer");
        }
        self.invert(len, orig_ptr, &counts)?;
        let start = out.len();
        undo_runs(&self.unsorted, out)?;
        let computed = CRC32.checksum(&out[start..]);
        if computed != stored_crc {
            return Err(BlockError::Crc {
                stored: stored_crc,
                computed,
            });
        }
        Ok(())
    }

    /// The selectors: which table codes each group of 50 symbols.
    fn read_selectors(&mut self, reader: &mut Bits<'_>, n_groups: usize) -> Result<(), BlockError> {
        let n_selectors = reader.read(15) as usize;
        if n_selectors < 1 {
            return malformed("number of selectors");
        }
        self.selectors.clear();
        // Move-to-front coded, each a unary number.
        let mut order: [u8; MAX_GROUPS] = [0, 1, 2, 3, 4, 5];
        for i in 0..n_selectors {
            let mut j = 0usize;
            while reader.bit() {
                j += 1;
                if j >= n_groups {
                    return malformed("selector");
                }
            }
            if i >= MAX_SELECTORS {
                // libbzip2 reads and ignores selectors past its maximum.
                continue;
            }
            let value = order[j];
            order.copy_within(0..j, 1);
            order[0] = value;
            self.selectors.push(value);
        }
        Ok(())
    }

    /// The Huffman-coded, move-to-front-coded symbols, into `self.last`;
    /// returns how often each byte occurs.
    fn read_symbols(
        &mut self,
        reader: &mut Bits<'_>,
        tables: &[HuffmanTable],
        symbols: &[u8; 256],
        n_symbols: usize,
        max_len: usize,
    ) -> Result<([u32; 256], usize), BlockError> {
        let end_of_block = (n_symbols + 1) as u16;
        let mut counts = [0u32; 256];
        let mut front = MoveToFront::new(symbols);
        // Sized once for the largest block; only the first `len` bytes count.
        if self.last.len() < max_len {
            self.last.resize(max_len, 0);
        }
        let last = &mut self.last[..max_len];
        let mut len = 0usize;
        let mut selector = 0usize;
        let mut left_in_group = 0u32;
        let mut table = &tables[0];
        let mut run = 0u32;
        let mut run_weight = 1u32;
        let mut bits = BitBuffer::new(reader);
        let result = loop {
            if left_in_group == 0 {
                let Some(&which) = self.selectors.get(selector) else {
                    break malformed("more groups than selectors");
                };
                if bits.pos() > reader.end {
                    break Err(BlockError::Truncated);
                }
                selector += 1;
                table = &tables[usize::from(which)];
                left_in_group = GROUP_SIZE;
            }
            left_in_group -= 1;
            let symbol = match table.decode(&mut bits) {
                Ok(symbol) => symbol,
                Err(e) => break Err(e),
            };
            if symbol == RUNA || symbol == RUNB {
                // A run of the front byte, its length in bijective base 2.
                if run_weight >= 2 * 1024 * 1024 {
                    break malformed("run length");
                }
                run += (u32::from(symbol) + 1) * run_weight;
                run_weight <<= 1;
                continue;
            }
            if run_weight > 1 {
                let byte = front.front();
                let end = len + run as usize;
                if end > max_len {
                    break malformed("block longer than its size");
                }
                last[len..end].fill(byte);
                len = end;
                counts[usize::from(byte)] += run;
                run = 0;
                run_weight = 1;
            }
            if symbol == end_of_block {
                break Ok(());
            }
            if len >= max_len {
                break malformed("block longer than its size");
            }
            let byte = front.take(usize::from(symbol - 1));
            last[len] = byte;
            len += 1;
            counts[usize::from(byte)] += 1;
        };
        reader.pos = bits.pos();
        result.map(|()| (counts, len))
    }

    /// Undoes the Burrows–Wheeler transform of `self.last` into
    /// `self.unsorted`, walking many stretches of the block at once.
    fn invert(
        &mut self,
        len: usize,
        orig_ptr: usize,
        counts: &[u32; 256],
    ) -> Result<(), BlockError> {
        let last = &self.last[..len];
        // Where each byte's rows start in the first column.
        let mut next_row = [0u32; 256];
        let mut sum = 0u32;
        for (slot, &count) in next_row.iter_mut().zip(counts) {
            *slot = sum;
            sum += count;
        }
        // Stretches start at every `stride`-th row and at the original row
        // (the block itself: where the walk starts). The entry that leads
        // to a stretch's start is flagged, so that a walk knows where its
        // stretch ends.
        let stride = len.div_ceil(CHAINS).max(1);
        let mut starts: Vec<usize> = (0..len).step_by(stride).collect();
        let first_stretch = match starts.binary_search(&orig_ptr) {
            Ok(at) => at,
            Err(at) => {
                starts.insert(at, orig_ptr);
                at
            }
        };
        // Every row is written below (the byte counts split 0..len among
        // the byte values), so the array needs no clearing between blocks.
        if self.forward.len() <= len {
            self.forward.resize(len + 1, 0);
        }
        let forward = &mut self.forward[..len];
        for (k, &from) in starts.iter().enumerate() {
            let to = starts.get(k + 1).copied().unwrap_or(len);
            let mut flag = SAMPLE_NEXT;
            for (i, &byte) in (from..to).zip(&last[from..to]) {
                let row = next_row[usize::from(byte)];
                next_row[usize::from(byte)] = row + 1;
                // Row `row` starts with the byte row `i` ends with: row `i`
                // is row `row` rotated by one, so it comes next.
                forward[row as usize] = flag | ((i as u32) << 8) | u32::from(byte);
                flag = 0;
            }
        }

        // Walk the stretches side by side: each step waits on memory, and
        // steps of different stretches wait together. The walk goes in
        // rounds of `ROUND` steps of every stretch still walking, each
        // stretch's bytes into its own line of `round`; a stretch that ends
        // inside a round is parked on the row past the block, whose entry
        // leads back to itself, until the round ends.
        let stretches = starts.len();
        self.stretches.resize_with(stretches, Vec::new);
        for out in &mut self.stretches[..stretches] {
            out.clear();
        }
        let parked = len as u32;
        self.forward[len] = SAMPLE_NEXT | (parked << 8);
        let forward = &self.forward[..=len];
        let mut ends = vec![u32::MAX; stretches];
        let mut rows: Vec<u32> = starts.iter().map(|&row| row as u32).collect();
        let mut ids: Vec<usize> = (0..stretches).collect();
        let mut taken = vec![ROUND as u32; stretches];
        let mut round = vec![0u8; stretches * ROUND];
        let mut live = stretches;
        while live > 0 {
            for k in 0..ROUND {
                for w in 0..live {
                    let row = rows[w];
                    let step = forward[row as usize];
                    round[w * ROUND + k] = step as u8;
                    let next = (step >> 8) & ROW_MASK;
                    rows[w] = next;
                    if step & SAMPLE_NEXT != 0 {
                        if row != parked {
                            ends[ids[w]] = next;
                            taken[w] = k as u32 + 1;
                        }
                        rows[w] = parked;
                    }
                }
            }
            let mut w = 0;
            while w < live {
                let used = taken[w] as usize;
                self.stretches[ids[w]].extend_from_slice(&round[w * ROUND..w * ROUND + used]);
                // A stretch that has ended waits on the parked row.
                if rows[w] == parked {
                    live -= 1;
                    rows.swap(w, live);
                    ids.swap(w, live);
                    taken.swap(w, live);
                    round.copy_within(live * ROUND..(live + 1) * ROUND, w * ROUND);
                } else {
                    w += 1;
                }
            }
        }

        // Join the stretches in the order the walk met them.
        let unsorted = &mut self.unsorted;
        unsorted.clear();
        let mut k = first_stretch;
        for _ in 0..stretches {
            unsorted.extend_from_slice(&self.stretches[k]);
            let next = ends[k] as usize;
            if next == orig_ptr || unsorted.len() >= len {
                break;
            }
            let Ok(at) = starts.binary_search(&next) else {
                return malformed("rows");
            };
            k = at;
        }
        if unsorted.len() != len {
            return malformed("the rows are not one cycle");
        }
        Ok(())
    }
}

/// The move-to-front list of byte values: its first 16 in a register (most
/// indices are small), the rest in memory.
struct MoveToFront {
    /// Byte `k` of the list is bits `8k..8k+8`.
    head: u128,
    rest: [u8; 240],
}

impl MoveToFront {
    fn new(list: &[u8; 256]) -> Self {
        let mut head = [0u8; 16];
        head.copy_from_slice(&list[..16]);
        let mut rest = [0u8; 240];
        rest.copy_from_slice(&list[16..]);
        MoveToFront {
            head: u128::from_le_bytes(head),
            rest,
        }
    }

    #[inline(always)]
    fn front(&self) -> u8 {
        self.head as u8
    }

    /// The byte at `index`, moved to the front.
    #[inline(always)]
    fn take(&mut self, index: usize) -> u8 {
        if index < 16 {
            let byte = (self.head >> (8 * index)) as u8;
            // Bytes 0..=index move up one place; the rest stay.
            let moved = u128::MAX >> (8 * (15 - index));
            self.head = ((self.head << 8) & moved) | (self.head & !moved) | u128::from(byte);
            byte
        } else {
            let byte = self.rest[index - 16];
            self.rest.copy_within(0..index - 16, 1);
            self.rest[0] = (self.head >> 120) as u8;
            self.head = (self.head << 8) | u128::from(byte);
            byte
        }
    }
}

/// Which byte values the block uses, in order: the symbols' meaning.
fn read_symbol_map(reader: &mut Bits<'_>) -> Result<([u8; 256], usize), BlockError> {
    let mut symbols = [0u8; 256];
    let mut n = 0usize;
    let ranges = reader.read(16);
    for i in 0..16u32 {
        if ranges & (0x8000 >> i) == 0 {
            continue;
        }
        let used = reader.read(16);
        for j in 0..16u32 {
            if used & (0x8000 >> j) != 0 {
                symbols[n] = (i * 16 + j) as u8;
                n += 1;
            }
        }
    }
    if n == 0 {
        return malformed("no byte values in use");
    }
    Ok((symbols, n))
}

/// One group's code lengths, delta coded, and the table built from them.
fn read_table(reader: &mut Bits<'_>, alpha_size: usize) -> Result<HuffmanTable, BlockError> {
    let mut lengths = [0u8; MAX_ALPHA_SIZE];
    let mut current = reader.read(5) as i32;
    for length in lengths.iter_mut().take(alpha_size) {
        loop {
            if !(1..=MAX_CODE_LEN as i32).contains(&current) {
                return malformed("code length");
            }
            if !reader.bit() {
                break;
            }
            if reader.bit() {
                current -= 1;
            } else {
                current += 1;
            }
        }
        *length = current as u8;
    }
    Ok(HuffmanTable::new(&lengths[..alpha_size]))
}

/// A group's canonical Huffman code: libbzip2's limit/base/perm arrays for
/// any code, and a table for codes of up to [`TABLE_BITS`] bits.
struct HuffmanTable {
    /// Indexed by the next `TABLE_BITS` bits: `length << 9 | symbol`, or 0
    /// when the code is longer (or not a code).
    fast: [u16; 1 << TABLE_BITS],
    limit: [i32; CODE_LEN_SLOTS],
    base: [i32; CODE_LEN_SLOTS],
    perm: [u16; MAX_ALPHA_SIZE],
    min_len: usize,
}

impl HuffmanTable {
    /// libbzip2's `BZ2_hbCreateDecodeTables`, then the fast table.
    fn new(lengths: &[u8]) -> Self {
        let min_len = usize::from(*lengths.iter().min().unwrap_or(&1));
        let max_len = usize::from(*lengths.iter().max().unwrap_or(&1));
        let mut perm = [0u16; MAX_ALPHA_SIZE];
        let mut next = 0usize;
        for len in min_len..=max_len {
            for (symbol, &l) in lengths.iter().enumerate() {
                if usize::from(l) == len {
                    perm[next] = symbol as u16;
                    next += 1;
                }
            }
        }
        let mut base = [0i32; CODE_LEN_SLOTS];
        for &l in lengths {
            base[usize::from(l) + 1] += 1;
        }
        for i in 1..CODE_LEN_SLOTS {
            base[i] += base[i - 1];
        }
        let mut limit = [0i32; CODE_LEN_SLOTS];
        let mut code = 0i32;
        for i in min_len..=max_len {
            code += base[i + 1] - base[i];
            limit[i] = code - 1;
            code <<= 1;
        }
        for i in min_len + 1..=max_len {
            base[i] = ((limit[i - 1] + 1) << 1) - base[i];
        }
        let mut table = HuffmanTable {
            fast: [0; 1 << TABLE_BITS],
            limit,
            base,
            perm,
            min_len,
        };
        for prefix in 0..(1u32 << TABLE_BITS) {
            let window = u64::from(prefix) << (64 - TABLE_BITS);
            if let Ok((symbol, len)) = table.lookup(window) {
                if len <= TABLE_BITS as usize {
                    table.fast[prefix as usize] = ((len as u16) << 9) | symbol;
                }
            }
        }
        table
    }

    /// The symbol coded at the start of `window` and its length, as
    /// libbzip2's `GET_MTF_VAL` finds it.
    fn lookup(&self, window: u64) -> Result<(u16, usize), BlockError> {
        let mut len = self.min_len;
        loop {
            if len > MAX_CODE_LEN {
                return malformed("Huffman code");
            }
            let code = (window >> (64 - len)) as i32;
            if code <= self.limit[len] {
                let index = code - self.base[len];
                if !(0..MAX_ALPHA_SIZE as i32).contains(&index) {
                    return malformed("Huffman code");
                }
                return Ok((self.perm[index as usize], len));
            }
            len += 1;
        }
    }

    #[inline(always)]
    fn decode(&self, bits: &mut BitBuffer<'_>) -> Result<u16, BlockError> {
        bits.refill();
        let window = bits.buf;
        let entry = self.fast[(window >> (64 - TABLE_BITS)) as usize];
        if entry != 0 {
            bits.consume(u32::from(entry >> 9));
            return Ok(entry & 0x1ff);
        }
        let (symbol, len) = self.lookup(window)?;
        bits.consume(len as u32);
        Ok(symbol)
    }
}

/// bzip2's first stage undone: four equal bytes are followed by a count
/// (0–255) of more.
fn undo_runs(bytes: &[u8], out: &mut Vec<u8>) -> Result<(), BlockError> {
    out.reserve(bytes.len() + bytes.len() / 4);
    let mut i = 0;
    let mut literal_start = 0;
    while i + 3 < bytes.len() {
        let b = bytes[i];
        if bytes[i + 1] != b {
            i += 1;
            continue;
        }
        if bytes[i + 2] != b {
            i += 2;
            continue;
        }
        if bytes[i + 3] != b {
            i += 3;
            continue;
        }
        // Four equal bytes, then the count.
        let Some(&extra) = bytes.get(i + 4) else {
            return malformed("a run without its length");
        };
        out.extend_from_slice(&bytes[literal_start..i + 4]);
        out.resize(out.len() + usize::from(extra), b);
        i += 5;
        literal_start = i;
    }
    out.extend_from_slice(&bytes[literal_start.min(bytes.len())..]);
    Ok(())
}

/// The Huffman codes' reader: the next bits of the block held in a
/// register, most significant first, topped up four bytes at a time. A code
/// is then a shift of the register, not a load from memory that waits on the
/// length of the code before it.
struct BitBuffer<'a> {
    data: &'a [u8],
    /// The next `held` bits, from the most significant.
    buf: u64,
    held: u32,
    /// The next byte to load.
    next: usize,
}

impl<'a> BitBuffer<'a> {
    fn new(reader: &Bits<'a>) -> Self {
        let byte = (reader.pos >> 3) as usize;
        let skip = (reader.pos & 7) as u32;
        BitBuffer {
            data: reader.data,
            buf: u64::from(word_at(reader.data, byte)) << (32 + skip),
            held: 32 - skip,
            next: byte + 4,
        }
    }

    /// Tops the register up to at least 32 bits: enough for any code.
    #[inline(always)]
    fn refill(&mut self) {
        if self.held < 32 {
            self.buf |= u64::from(word_at(self.data, self.next)) << (32 - self.held);
            self.held += 32;
            self.next += 4;
        }
    }

    #[inline(always)]
    fn consume(&mut self, n: u32) {
        self.buf <<= n;
        self.held -= n;
    }

    /// The position of the next bit, as [`Bits::pos`] counts.
    fn pos(&self) -> u64 {
        self.next as u64 * 8 - u64::from(self.held)
    }
}

/// The four bytes from `byte` on, big-endian; zeros past the end of `data`.
#[inline(always)]
fn word_at(data: &[u8], byte: usize) -> u32 {
    match data.get(byte..byte + 4) {
        Some(four) => u32::from_be_bytes(four.try_into().unwrap_or([0; 4])),
        None => tail_word(data, byte),
    }
}

/// [`word_at`] where fewer than four bytes are left.
#[cold]
fn tail_word(data: &[u8], byte: usize) -> u32 {
    let mut four = [0u8; 4];
    for (i, slot) in four.iter_mut().enumerate() {
        *slot = data.get(byte + i).copied().unwrap_or(0);
    }
    u32::from_be_bytes(four)
}

/// Bits read most significant first; past the end they read as zeros.
struct Bits<'a> {
    data: &'a [u8],
    pos: u64,
    end: u64,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8], range: std::ops::Range<u64>) -> Self {
        Bits {
            data,
            pos: range.start,
            end: range.end.min(data.len() as u64 * 8),
        }
    }

    /// The 64 bits from the current position (57 of them at least meant).
    #[inline(always)]
    fn window(&self) -> u64 {
        let byte = (self.pos >> 3) as usize;
        let word = match self.data.get(byte..byte + 8) {
            Some(eight) => u64::from_be_bytes(eight.try_into().unwrap_or([0; 8])),
            None => self.tail_word(byte),
        };
        word << (self.pos & 7)
    }

    #[cold]
    fn tail_word(&self, byte: usize) -> u64 {
        let mut eight = [0u8; 8];
        for (i, slot) in eight.iter_mut().enumerate() {
            *slot = self.data.get(byte + i).copied().unwrap_or(0);
        }
        u64::from_be_bytes(eight)
    }

    #[inline(always)]
    fn skip(&mut self, n: u64) {
        self.pos += n;
    }

    /// `n` bits (1 to 32) as a number.
    fn read(&mut self, n: u32) -> u32 {
        let value = (self.window() >> (64 - n)) as u32;
        self.skip(u64::from(n));
        value
    }

    fn bit(&mut self) -> bool {
        self.read(1) == 1
    }

    /// Whether more bits have been read than the block has.
    fn past_end(&self) -> bool {
        self.pos > self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn move_to_front_moves_any_index_as_a_list_would() {
        let list: [u8; 256] = std::array::from_fn(|i| (i as u8).wrapping_mul(7));
        let mut front = MoveToFront::new(&list);
        let mut naive: Vec<u8> = list.to_vec();
        for index in [0usize, 1, 5, 15, 16, 17, 255, 3, 14, 200, 15, 0, 2, 31] {
            let byte = naive.remove(index);
            naive.insert(0, byte);
            assert_eq!(front.take(index), byte);
            assert_eq!(front.front(), naive[0]);
            let mut whole = front.head.to_le_bytes().to_vec();
            whole.extend_from_slice(&front.rest);
            assert_eq!(whole, naive, "index {index}");
        }
    }

    #[test]
    fn runs_of_four_take_the_count_that_follows() {
        let mut out = Vec::new();
        undo_runs(b"abbbb\x02cccc\x00dd", &mut out).unwrap();
        assert_eq!(out, b"abbbbbbccccdd");
        out.clear();
        assert!(undo_runs(b"xyyyy", &mut out).is_err());
    }

    #[test]
    fn the_bit_buffer_reads_what_bits_reads_from_any_start() {
        let data: Vec<u8> = (0..23u32).map(|i| (i * 37 + 11) as u8).collect();
        for start in 0..16u64 {
            let mut plain = Bits::new(&data, start..data.len() as u64 * 8);
            let mut bits = BitBuffer::new(&plain);
            // Past the data's end both read zeros.
            for n in [1u32, 7, 20, 3, 13, 20, 20, 9, 17, 20, 20, 20, 5] {
                bits.refill();
                let got = (bits.buf >> (64 - n)) as u32;
                bits.consume(n);
                assert_eq!(got, plain.read(n), "start {start}, {n} bits");
                assert_eq!(bits.pos(), plain.pos);
            }
        }
    }

    #[test]
    fn codes_longer_than_the_table_decode_bit_by_bit_alike() {
        // A complete code: lengths 1, 2, ..., 19, 20, 20 (21 symbols).
        let mut lengths: Vec<u8> = (1..=20).collect();
        lengths.push(20);
        let table = HuffmanTable::new(&lengths);
        let mut seen = [false; 21];
        // Each symbol's canonical code, followed by other bits.
        let mut code = 0u64;
        for (symbol, &len) in lengths.iter().enumerate() {
            if symbol > 0 && len > lengths[symbol - 1] {
                code <<= 1;
            }
            let bytes = ((code << (64 - len)) | (0x5a5a_5a5a >> len)).to_be_bytes();
            let reader = Bits::new(&bytes, 0..64);
            let mut bits = BitBuffer::new(&reader);
            assert_eq!(
                table.decode(&mut bits),
                Ok(symbol as u16),
                "symbol {symbol}"
            );
            assert_eq!(bits.pos(), u64::from(len));
            seen[symbol] = true;
            code += 1;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn a_randomised_block_is_left_to_libbzip2() {
        // Magic number, CRC, then the randomised bit set.
        let bytes = [
            0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0, 0, 0, 0, 0x80, 0, 0, 0,
        ];
        let mut out = Vec::new();
        let result = BlockDecoder::default().decode(&bytes, 0..112, b'9', &mut out);
        assert_eq!(result, Err(BlockError::Randomised));
    }
}
