"""The segmenter: HMM off, glossary words, started once with its cache in the app's folder."""

import subprocess
import sys
import textwrap

import jieba

from reader.core.text import segmenter


def test_stutters_are_not_glued_into_words():
    segmenter.warm_up()
    # With HMM on, jieba would read `先介介` and `投投` as new words.
    assert "先介介" in jieba.lcut("我先介介介绍一下", HMM=True)
    assert segmenter.cut("我先介介介绍一下") == ("我", "先", "介", "介", "介绍", "一下")
    assert segmenter.cut("投投投篮") == ("投", "投", "投篮")


def test_glossary_terms_become_words():
    assert segmenter.cut("叫菲菲娅的同学") != ("叫", "菲菲娅", "的", "同学")
    segmenter.add_glossary(["菲菲娅"])
    assert segmenter.cut("叫菲菲娅的同学") == ("叫", "菲菲娅", "的", "同学")
    assert segmenter.is_glossary("菲菲娅")


def test_started_once_however_many_threads_ask_with_its_cache_in_the_app_folder(tmp_path):
    script = textwrap.dedent(
        """
        import threading, jieba
        from reader.core.text import segmenter
        calls = []
        original = jieba.Tokenizer.initialize
        def counting(self, *args, **kwargs):
            calls.append(1)
            return original(self, *args, **kwargs)
        jieba.Tokenizer.initialize = counting
        threads = [threading.Thread(target=segmenter.cut, args=("我我我",)) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(calls))
        """
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert (tmp_path / "transcript-reader" / "jieba.cache").is_file()
