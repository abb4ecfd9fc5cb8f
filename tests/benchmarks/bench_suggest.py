"""Suggestions over every seed transcript: segmenting (jieba) and scanning, against cleaning
the same text, side by side. The glossary is the tests' own (tests/core/text/planted.py);
cleaning, the dictionary and pypinyin are loaded before any clock starts."""

from __future__ import annotations

import time

from reader.core.text import Cleaner, segmenter
from reader.core.text.suggest import Dictionary, Glossary, suggest
from tests.core.text.planted import GLOSSARY, plant, seed_lines


def main() -> None:
    cleaner = Cleaner()
    cleaner.warm_up()
    started = time.perf_counter()
    lines = seed_lines(cleaner)
    clean_seconds = time.perf_counter() - started
    words = Dictionary(segmenter.freq, segmenter.tag)

    started = time.perf_counter()
    glossary = Glossary(GLOSSARY)
    segmenter.add_glossary(glossary.words)
    compile_seconds = time.perf_counter() - started

    started = time.perf_counter()
    tokens = [segmenter.cut(line) for line in lines]
    cut_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(suggest(line, cut, glossary, words)) for line, cut in zip(lines, tokens, strict=True))
    scan_seconds = time.perf_counter() - started

    planted = plant(lines)
    started = time.perf_counter()
    planted_found = sum(len(suggest(text, segmenter.cut(text), glossary, words)) for text, _ in planted)
    planted_seconds = time.perf_counter() - started

    chars = sum(map(len, lines))
    print(f"seeds: {len(lines)} paragraphs, {chars} characters; glossary of {len(GLOSSARY)} terms")
    print(f"glossary compiled:   {compile_seconds * 1000:.0f} ms (pypinyin loaded)")
    print(f"cut (jieba):         {cut_seconds:.2f} s")
    print(f"scan (suggest):      {scan_seconds:.2f} s -> {found} suggestions")
    print(f"cut + scan:          {cut_seconds + scan_seconds:.2f} s (aim: under 2 s for every seed transcript)")
    print(f"planted copy:        {planted_seconds:.2f} s cut + scan -> {planted_found} suggestions")
    print(f"cleaning the seeds:  {clean_seconds:.2f} s (ratio suggest / clean: {(cut_seconds + scan_seconds) / clean_seconds:.2f})")
