"""A deterministic benchmark corpus made by scaling the sample pages in ``seeds/``.

``make_corpus(n, seed, directory)`` writes ``n`` documents: paragraphs drawn from
the five scraped seed pages, mixed with short Korean and Chinese paragraphs, and
some documents wholly Korean or Chinese (a few of them in EUC-KR or GB18030
rather than UTF-8). The same ``n`` and ``seed`` always give the same files, so
every benchmark that uses it measures the same input.
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["CHINESE", "KOREAN", "make_corpus"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: Short Korean paragraphs mixed into the corpus.
KOREAN = (
    "탈북자 대표들이 브뤼셀에서 처음으로 세계 대회를 열고 북한 정권의 인권 탄압을 규탄했다.",
    "유엔 북한인권조사위원회는 정치범수용소의 실태를 조사하라고 촉구했다.",
    "김정은 위원장의 이복형 김정남 살해 사건은 국가 테러로 규정되어야 한다고 참가자들은 말했다.",
    "해외에 파견된 북한 노동자들의 착취 문제도 논의되었다.",
    "서울과 워싱턴의 인권 단체들은 국제사회의 공동 대응을 요구했다.",
)

#: Short Chinese paragraphs mixed into the corpus.
CHINESE = (
    "朝鲜脱北者代表在布鲁塞尔举行首次全球会议，谴责朝鲜政权的人权状况。",
    "联合国调查委员会呼吁调查政治犯收容所的情况。",
    "与会者表示，金正男遇害事件应被定性为国家恐怖主义。",
    "會議還討論了派往海外的朝鮮勞工遭受剝削的問題。",
    "人权组织呼吁国际社会采取共同行动。",
)


def _paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in text.split("\n\n") if len(p.strip()) > 40)
    return paragraphs


def make_corpus(n: int, seed: int, directory: str | Path) -> Path:
    """Write ``n`` documents under ``directory`` (1,000 per subfolder) and return it.

    Args:
        n: how many documents.
        seed: the random seed; the same ``n`` and ``seed`` give the same files.
        directory: where to write; created when missing.
    """
    root = Path(directory)
    rng = random.Random(seed)
    english = _paragraphs()
    for i in range(n):
        kind = rng.random()
        if kind < 0.15:
            body = rng.sample(KOREAN, rng.randint(2, 5))
            encoding = "euc-kr" if rng.random() < 0.2 else "utf-8"
        elif kind < 0.3:
            body = rng.sample(CHINESE, rng.randint(2, 5))
            encoding = "gb18030" if rng.random() < 0.2 and not any(
                "朝鮮" in p or "會" in p for p in body
            ) else "utf-8"
        else:
            body = rng.sample(english, rng.randint(2, 6))
            body += rng.sample(KOREAN + CHINESE, rng.randint(0, 2))
            encoding = "utf-8"
        text = f"Report {i}\n\n" + "\n\n".join(body) + "\n"
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_bytes(text.encode(encoding, "replace"))
    return root
