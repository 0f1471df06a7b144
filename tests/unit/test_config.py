import multiprocessing

from runquest.config import jwt_secret


def test_workers_starting_together_share_one_generated_secret(tmp_path):
    with multiprocessing.get_context("fork").Pool(8) as pool:
        secrets = pool.map(jwt_secret, [str(tmp_path)] * 32)
    assert len(set(secrets)) == 1
    assert len(secrets[0]) >= 32
    assert [p.name for p in tmp_path.iterdir()] == ["jwt-secret"]
