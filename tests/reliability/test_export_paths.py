"""Export writes only inside the folder the user chose: titles cannot steer it out, symlinks cannot carry it out."""

from __future__ import annotations

import os

from reader.cli import main
from reader.core.library import import_file, list_transcripts, open_library

HOSTILE_TITLES = ["../../逃出去", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\win.ini", "~/.bashrc", ".hidden", "con", "\u202egnp.exe"]


def library_with_titles(tmp_path) -> str:
    db = str(tmp_path / "library.sqlite3")
    source = tmp_path / "titles.md"
    source.write_text("".join(f"# {title}\n\n第{n}段。\n\n" for n, title in enumerate(HOSTILE_TITLES)), encoding="utf-8")
    with open_library(db) as lib:
        import_file(lib, source)
    return db


def files_under(folder) -> set[str]:
    return {os.path.relpath(os.path.join(root, name), folder) for root, _, names in os.walk(folder) for name in names}


def test_hostile_titles_become_plain_file_names_inside_the_folder(tmp_path):
    db = library_with_titles(tmp_path)
    out = tmp_path / "out" / "inner"
    out.mkdir(parents=True)
    around = files_under(tmp_path) - files_under(out)
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out)]) == 0
    written = sorted(os.listdir(out))
    assert len(written) == len(HOSTILE_TITLES)
    assert all(os.path.isfile(out / name) and not name.startswith(".") and "/" not in name and "\\" not in name for name in written)
    assert {p for p in files_under(tmp_path) if not p.startswith("out/inner/")} == around
    with open_library(db) as lib:
        assert len(list_transcripts(lib)) == len(HOSTILE_TITLES)


def test_a_symlink_in_the_folder_pointing_outside_is_refused_and_nothing_is_written(tmp_path, capsys):
    db = library_with_titles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out)]) == 0
    victim = tmp_path / "precious.txt"
    victim.write_text("别动我", encoding="utf-8")
    name = sorted(os.listdir(out))[0]
    os.unlink(out / name)
    os.symlink(victim, out / name)
    before = {n: (out / n).read_bytes() for n in os.listdir(out) if n != name}
    for n in before:
        (out / n).write_text("旧的", encoding="utf-8")
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("transcript-reader: error: ") and "leave" in err and err.count("\n") == 1
    assert victim.read_text(encoding="utf-8") == "别动我"
    # Everything is checked before the first file is written: the other files are untouched too.
    assert all((out / n).read_text(encoding="utf-8") == "旧的" for n in before)


def test_exporting_to_a_symlink_replaces_the_link_not_what_it_points_to(tmp_path):
    db = library_with_titles(tmp_path)
    victim = tmp_path / "precious.txt"
    victim.write_text("别动我", encoding="utf-8")
    link = tmp_path / "out.txt"
    os.symlink(victim, link)
    assert main(["--db", db, "export", "1", "--format", "txt", "-o", str(link), "--overwrite"]) == 0
    assert victim.read_text(encoding="utf-8") == "别动我"
    assert not link.is_symlink() and "第0段" in link.read_text(encoding="utf-8")


def test_export_never_replaces_a_file_of_the_users_unless_told_to(tmp_path, capsys):
    db = library_with_titles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out)]) == 0
    names = sorted(os.listdir(out))
    mine = out / names[3]
    mine.write_text("我的文件，同名而已", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--overwrite" in err and "nothing was written" in err
    assert mine.read_text(encoding="utf-8") == "我的文件，同名而已"
    single = tmp_path / "one.txt"
    single.write_text("也是我的", encoding="utf-8")
    assert main(["--db", db, "export", "1", "--format", "txt", "-o", str(single)]) == 1
    assert "--overwrite" in capsys.readouterr().err and single.read_text(encoding="utf-8") == "也是我的"
    assert main(["--db", db, "export", "all", "--format", "txt", "-o", str(out), "--overwrite"]) == 0
    assert main(["--db", db, "export", "1", "--format", "txt", "-o", str(single), "--overwrite"]) == 0
    assert "第0段" in single.read_text(encoding="utf-8") and mine.read_text(encoding="utf-8") != "我的文件，同名而已"


def test_long_titles_are_cut_to_the_file_systems_limit_and_every_file_is_written(tmp_path):
    db = str(tmp_path / "library.sqlite3")
    source = tmp_path / "long.md"
    titles = ["😀" * 200 + str(n) for n in range(30)] + ["长" * 300 + str(n) for n in range(30)]
    source.write_text("".join(f"# {title}\n\n第{n}段。\n\n" for n, title in enumerate(titles)), encoding="utf-8")
    with open_library(db) as lib:
        import_file(lib, source)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db, "export", "all", "--format", "docx", "-o", str(out)]) == 0
    written = os.listdir(out)
    assert len(written) == len(titles)
    assert all(len(name.encode()) <= 255 and name.endswith(".docx") for name in written)


def test_exported_files_get_the_umask_mode(tmp_path):
    db = library_with_titles(tmp_path)
    old = os.umask(0o022)
    try:
        assert main(["--db", db, "export", "1", "--format", "txt", "-o", str(tmp_path / "a.txt")]) == 0
        os.umask(0o002)
        assert main(["--db", db, "export", "1", "--format", "txt", "-o", str(tmp_path / "b.txt")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o664
