"""The Dask engine on a LocalCluster matches the local run, and process_shard is idempotent."""

from __future__ import annotations

import pytest

from nlpkommun.batch import errors_path_for, process_shard
from nlpkommun.batch.dask_engine import make_shards, parts_dir_for
from nlpkommun.batch.worker import TEST_HOOKS_ENV
from tests.batch.conftest import assert_outcomes, read_jsonl, run_cli

distributed = pytest.importorskip("distributed")


def _records(path):
    return sorted(read_jsonl(path), key=lambda r: r["id"])


def _errors(path):
    return sorted((e["source"], e["error"], e["code"]) for e in read_jsonl(errors_path_for(path)))


def test_make_shards_balances_and_keeps_every_unit(tmp_path):
    units = []
    for i, size in enumerate([50, 40, 30, 20, 10, 5]):
        p = tmp_path / f"{i}.txt"
        p.write_bytes(b"x" * size)
        units.append(str(p))
    shards = make_shards(units, 2)
    assert sorted(u for s in shards for u in s) == sorted(units)
    loads = [sum(len(open(u, "rb").read()) for u in s) for s in shards]
    assert max(loads) - min(loads) <= 10


def test_dask_local_cluster_matches_local_run(local_run, tmp_path, monkeypatch):
    root, local_out, expected, (code, _, err) = local_run
    assert code == 0, err
    monkeypatch.setenv(TEST_HOOKS_ENV, "1")
    out = tmp_path / "dask.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        code, stdout, err = run_cli("batch", str(root / "docs"), "--output", str(out), "--engine", "dask",
                                    "--scheduler", cluster.scheduler_address, "--shards", "2", "--timeout", "10",
                                    "--max-worker-memory", "1000")
    assert code == 0, err
    assert "shard 2/2 done" in err
    assert_outcomes(out, expected)
    assert _records(out) == _records(local_out)
    assert _errors(out) == _errors(local_out)
    ok = sum(1 for v in expected.values() if v == "ok")
    assert f"{ok} ok, {len(expected) - ok} failed, 0 skipped" in stdout
    assert not parts_dir_for(out).exists()


def test_process_shard_is_idempotent_and_plain(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Socialnämnden sammanträdde den 4 april 2022.", encoding="utf-8")
    (docs / "b.txt").write_bytes(b"")
    out = tmp_path / "part.jsonl"
    first = process_shard([str(docs)], str(out))
    assert isinstance(first, dict)
    assert (first["ok"], first["failed"], first["skipped"]) == (1, 1, 0)
    second = process_shard([str(docs)], str(out))  # a retried task: nothing is redone
    assert (second["ok"], second["failed"], second["skipped"]) == (0, 0, 2)
    assert len(read_jsonl(out)) == 1 and len(read_jsonl(errors_path_for(out))) == 1
    skipped = process_shard([str(docs / "a.txt")], str(tmp_path / "other.jsonl"),
                            skip=[read_jsonl(out)[0]["id"]])
    assert skipped["skipped"] == 1 and skipped["ok"] == 0


def test_failed_shard_fails_the_run_and_resume_finishes_it(tmp_path, monkeypatch):
    """A shard task that dies (here: raises once, as a lost worker would) fails the run
    with exit 2; what the other shard finished is kept, and --resume finishes the rest."""
    from nlpkommun.batch import dask_engine

    docs = tmp_path / "docs"
    docs.mkdir()
    big = docs / "a.txt"
    big.write_text("Kommunfullmäktige sammanträdde i stadshuset. " * 20, encoding="utf-8")
    small = docs / "b.txt"
    small.write_text("Byggnadsnämnden beslutade.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    real = dask_engine.process_shard
    marker = tmp_path / "failed-once"  # a file: Dask may run a copy of this function

    def flaky(inputs, output, **kwargs):
        if output.endswith("part-00000.jsonl") and not marker.exists():  # the largest unit's shard
            marker.touch()
            raise RuntimeError("worker lost")
        return real(inputs, output, **kwargs)

    monkeypatch.setattr(dask_engine, "process_shard", flaky)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        args = ("batch", str(docs), "--output", str(out), "--engine", "dask", "--scheduler",
                cluster.scheduler_address, "--shards", "2", "--progress", "off")
        code, _, err = run_cli(*args)
        assert code == 2 and "1 of 2 Dask shards failed" in err and "--resume" in err, err
        assert [r["source"] for r in read_jsonl(out)] == [str(small)]  # the finished shard is kept
        code, stdout, err = run_cli(*args, "--resume")
    assert code == 0, err
    assert "1 ok, 0 failed, 1 skipped" in stdout
    assert sorted(r["source"] for r in read_jsonl(out)) == [str(big), str(small)]
    assert not parts_dir_for(out).exists()
