// The packed form of the Pyodide memory snapshot, shared by its writer (tools/make-snapshot.mjs, under
// Node) and its reader (worker.js, in the browser), so the format is written down once.
//
// Half of the 31 MB memory image is zeros, in two long runs (memory Python reserved but never used).
// The worker inflates the shipped file with DecompressionStream on its own thread, where inflating is
// one of the longest steps before Python answers; leaving the zero runs out of the packed image halves
// the bytes to inflate (a new Uint8Array is zero-filled for free).
//
// Layout: uint32 little-endian header length, the header as UTF-8 JSON
//   {"format": FORMAT, "length": image length, "zeros": [[offset, length], ...] in order},
// then every byte of the image outside the zero runs, in order. The file ships gzipped.

export const FORMAT = "pyodide-snapshot-without-zero-runs/1";
const BLOCK = 65536; // zero runs are whole 64 KiB blocks: few runs, nothing lost worth keeping

function isZero(bytes, start, end) {
  for (let i = start; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

export function packSnapshot(image) {
  const zeros = [];
  for (let at = 0; at + BLOCK <= image.length; at += BLOCK) {
    if (!isZero(image, at, at + BLOCK)) continue;
    const last = zeros.at(-1);
    if (last && last[0] + last[1] === at) last[1] += BLOCK;
    else zeros.push([at, BLOCK]);
  }
  const header = new TextEncoder().encode(JSON.stringify({ format: FORMAT, length: image.length, zeros }));
  const kept = image.length - zeros.reduce((sum, [, length]) => sum + length, 0);
  const packed = new Uint8Array(4 + header.length + kept);
  new DataView(packed.buffer).setUint32(0, header.length, true);
  packed.set(header, 4);
  let to = 4 + header.length;
  let from = 0;
  for (const [offset, length] of [...zeros, [image.length, 0]]) {
    packed.set(image.subarray(from, offset), to);
    to += offset - from;
    from = offset + length;
  }
  return packed;
}

// Throws on anything that is not a whole packed image of this format (the worker then boots normally).
export function unpackSnapshot(packed) {
  const headerLength = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + headerLength)));
  if (header.format !== FORMAT) throw new Error(`snapshot: unknown format ${header.format}`);
  const image = new Uint8Array(header.length);
  let from = 4 + headerLength;
  let to = 0;
  for (const [offset, length] of [...header.zeros, [header.length, 0]]) {
    if (offset < to || from + (offset - to) > packed.length) throw new Error("snapshot: damaged");
    image.set(packed.subarray(from, from + offset - to), to);
    from += offset - to;
    to = offset + length;
  }
  if (from !== packed.length) throw new Error("snapshot: damaged");
  return image;
}
