"""Small generated corpora, and the comparison of engines, shared by the tests that compare engines."""
from __future__ import annotations

import re

from checks.backends import LocalBackend, ProcessesBackend
from checks.config import Config
from checks.engine import run
from checks.surfaces import findings_json

BODY = [
    "国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.2%，比上半年加快0.4个百分点，经济运行总体平稳。",
    "新能源汽车产业链持续完善，动力电池、驱动电机和整车制造环节的产能布局更加合理，出口规模创历史新高。",
    "专家认为，随着一系列稳增长政策落地见效，市场预期逐步改善，企业投资意愿明显增强，消费需求稳步恢复。",
    "The ministry said exports of electric vehicles rose sharply in the first nine months, led by shipments to Europe and Southeast Asia.",
]


def _page(title: str, paragraphs: list[str], day: int) -> str:
    lines = [title, "", f"新华社北京1月{day}日电 记者报道。", ""]
    for text in paragraphs:
        lines += [text, ""]
    lines.append(f"(新华社北京1月{day}日电)")
    return "\n".join(lines) + "\n"


LONG = ("记者从国家发展改革委获悉，今年以来各地加快推进重大项目建设，一批交通、能源、水利和新型基础设施项目陆续开工，"
        "带动有效投资持续扩大，为稳定经济增长提供了有力支撑，下一步还将继续做好要素保障工作。")
SOURCE = ("合作期间，双方在大熊猫饲养管理、繁殖育幼、疾病防控、公众教育等领域取得丰硕成果，"
          "先后成功繁育多只幼仔，为全球大熊猫保护事业作出了积极贡献。")


def write_defects(folder):
    """Pages holding one of each kind of defect, spread over files so duplicates cross them."""
    near = LONG.replace("一批交通", "一批铁路")
    partial = "另据了解，" + SOURCE + "与此同时，多个城市出台了新的购房补贴政策，楼市成交量环比回升明显，市场信心有所恢复。"
    pages = {
        "a.txt": _page("工业经济稳中向好", [BODY[0], BODY[1], BODY[2], LONG], 3),
        "b.txt": _page("汽车出口再创新高", [BODY[1], near, "今年以来，全市开展反诈反诈宣传活动三百余场，覆盖群众十万人次。",
                                      "市公安局表示，反诈工作将常态化开展，守护群众的钱袋子。",
                                      "该项目总投资由去年的100亿元增加到今年的150亿元，增长了80%。"], 4),
        "c.txt": _page("消费市场持续回暖", [partial, "记者从会议上获悉，相关部门将进一步加大对中小企业的支持力度，并在",
                                      "这是一段含有控制字符\x07的正文，用于检验编码规则是否能够发现它。",
                                      "The firmâ€™s revenue rose 4% to $11.1bn in the quarter, analysts said on Monday."], 5),
        "d.txt": _page("English page", [BODY[3], BODY[3], SOURCE, "Prices rose from 200 yuan to 300 yuan, an increase of 80 percent."], 6),
    }
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    broken = _page("坏字节", ["这一段在中间有一个被截断的字符BROKEN之后继续写完整的句子。"], 7).encode("utf-8")
    (folder / "e.txt").write_bytes(broken.replace(b"BROKEN", b"\xe5\x8f"))
    return folder


def document_text(result) -> str:
    return re.sub(r'"generated_at": "[^"]*"', '"generated_at": ""', findings_json.render(result), count=1)


def _engines(spark_session=None):
    engines = {"one process": LocalBackend(), "two workers": ProcessesBackend(2, min_bytes=0)}
    if spark_session is not None:
        from checks.spark.backend import SparkBackend

        engines["spark"] = SparkBackend(spark=spark_session)
    return engines


def same_everywhere(inputs: list[str], config: Config, spark_session=None) -> str:
    documents = {name: document_text(run(inputs, config, backend)) for name, backend in _engines(spark_session).items()}
    first = next(iter(documents.values()))
    for name, document in documents.items():
        assert document == first, f"{name} differs from one process"
    return first
