"""Recording files: generated silence, as small valid WAV or MP3 files."""

from __future__ import annotations

import struct

MAX_SECS = 5.0
WAV_RATE = 8000


def wav(seconds: float) -> bytes:
    samples = int(WAV_RATE * min(max(seconds, 0.1), MAX_SECS))
    data = b"\x00\x00" * samples
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, WAV_RATE, WAV_RATE * 2, 2, 16)
    return header + fmt + b"data" + struct.pack("<I", len(data)) + data


# MPEG-1 Layer III, 32 kbit/s, 32 kHz, mono, no CRC: 144 * 32000 / 32000 = 144-byte frames
# of 1152 samples (36 ms). An all-zero frame body decodes as silence.
_MP3_HEADER = bytes([0xFF, 0xFB, 0x18, 0xC4])
_MP3_FRAME = _MP3_HEADER + b"\x00" * (144 - 4)


def mp3(seconds: float) -> bytes:
    frames = max(int(min(max(seconds, 0.1), MAX_SECS) / 0.036), 1)
    return _MP3_FRAME * frames
