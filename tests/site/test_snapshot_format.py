"""The packed snapshot format (overrides/assets/javascripts/estimator/snapshot.mjs), run under Node.

The browser test that the page boots from the snapshot proves the shipped file unpacks; these check the
format's edges: zero runs at either end and in the middle, a last block shorter than 64 KiB, and damaged
or foreign files, which must throw so the worker boots Python the normal way instead.
"""

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
MODULE = ROOT / "overrides/assets/javascripts/estimator/snapshot.mjs"

SCRIPT = """
const { packSnapshot, unpackSnapshot } = await import(process.argv[1]);
const KIB = 1024;
const image = new Uint8Array(5 * 64 * KIB + 1000);        // zeros: blocks 0, 2 and 3, and the short tail
image.fill(7, 64 * KIB, 128 * KIB);                        // block 1
image.fill(9, 4 * 64 * KIB, 4 * 64 * KIB + 10);           // a few bytes at the start of block 4
image[image.length - 1] = 1;                               // the last byte
const packed = packSnapshot(image);
const back = unpackSnapshot(packed);
const attempt = (bytes) => { try { unpackSnapshot(bytes); return "accepted"; } catch (e) { return e.message; } };
const foreign = packed.slice();
foreign[10] ^= 0x20;                                       // "format" becomes "formAt"
const header = JSON.stringify({ format: JSON.parse(new TextDecoder().decode(
  packed.subarray(4, 4 + new DataView(packed.buffer).getUint32(0, true)))).format, length: 10, zeros: [[8, 64]] });
const overlong = new Uint8Array(4 + header.length + 8);
new DataView(overlong.buffer).setUint32(0, header.length, true);
overlong.set(new TextEncoder().encode(header), 4);
console.log(JSON.stringify({
  same: back.length === image.length && back.every((byte, i) => byte === image[i]),
  imageBytes: image.length,
  packedBytes: packed.length,
  truncated: attempt(packed.subarray(0, packed.length - 1)),
  extended: attempt(new Uint8Array([...packed, 0])),
  foreign: attempt(foreign),
  overlong: attempt(overlong),
}));
"""


@pytest.fixture(scope="module")
def result():
    done = subprocess.run(["node", "--input-type=module", "-e", SCRIPT, MODULE.as_uri()],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_packing_leaves_out_whole_zero_blocks_and_unpacking_gives_the_image_back(result):
    assert result["same"]
    # Blocks 0, 2 and 3 are left out; block 1, block 4 and the 1,000-byte tail are kept.
    assert result["imageBytes"] - 3 * 65536 < result["packedBytes"] < result["imageBytes"] - 3 * 65536 + 300


def test_damaged_or_foreign_files_are_refused_rather_than_restored(result):
    assert result["truncated"] == "snapshot: damaged"
    assert result["extended"] == "snapshot: damaged"
    assert result["foreign"].startswith("snapshot: unknown format")
    assert result["overlong"] == "snapshot: damaged"
