"""The defect generator: true and false claims in the phrasings news uses, planted into real paragraphs.

Each template is one phrasing family as newspapers and wires write it, per claim type and language. A
template renders a *true* version (its numbers agree) and a *false* one (they do not, beyond any rounding
or wording), and the sentence is planted at a sentence end of a real corpus paragraph of its language.
The planted claim comes with a label in the labelled set's format (tests/data/claims_labelled/README.md),
so `checks bench claims` scores it with the same code as the claims labelled by reading.

Slots: {S} subject, {A} start value, {B} end value, {X} stated change, {D} change amount, {T1} {T2} times,
{P1}.. parts (shares), {L1}.. their labels, {W} the whole, {Y} a year, {N} a count or years, {I} items,
{E} an entity, {DATE} a date, {O} an organisation. Values are rendered with their units as the language
writes them; every value slot's offsets go into the label.
"""
from __future__ import annotations

import itertools
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from checks.extract.claims.common import sentences


@dataclass(frozen=True)
class Template:
    type: str
    lang: str
    family: str
    text: str
    form: str = ""  # how its numbers relate: rate, points, by, to, fan, verbal, delta, parts, rest, words, ...
    fullwidth: bool = False


T = Template
GROWTH = [
    T("growth", "zh", "由A增至B，同比增长X%", "{S}由{A}增至{B}，同比增长{X}。", "rate_up"),
    T("growth", "zh", "从A增加到B，增长了X%", "{S}从{A}增加到{B}，增长了{X}。", "rate_up"),
    T("growth", "zh", "B，较上年同期的A增长X%", "{S}为{B}，较上年同期的{A}增长{X}。", "rate_up"),
    T("growth", "zh", "B，同比增长X%，上年同期为A", "{S}达到{B}，同比增长{X}，上年同期为{A}。", "rate_up"),
    T("growth", "zh", "由A降至B，降幅为X%", "{S}由{A}降至{B}，降幅为{X}。", "rate_down"),
    T("growth", "zh", "B，比上年的A下降X%", "{S}为{B}，比上年的{A}下降{X}。", "rate_down"),
    T("growth", "zh", "从A上涨到B，涨幅达X%", "{S}从{A}上涨到{B}，涨幅达{X}。", "rate_up"),
    T("growth", "zh", "T1为A，T2增至B，增幅X%", "{T1}，{S}为{A}；{T2}，这一数字增至{B}，增幅为{X}。", "rate_up"),
    T("growth", "zh", "由A%提高到B%，上升X个百分点", "{S}由{A}提高到{B}，上升{X}个百分点。", "points"),
    T("growth", "zh", "从A增加到B，增加了N倍", "{S}从{A}增加到{B}，增加了{X}倍。", "by"),
    T("growth", "zh", "B，是上年A的N倍", "{S}达到{B}，是上年{A}的{X}倍。", "to"),
    T("growth", "zh", "从A增长到B，翻了N番", "{S}从{A}增长到{B}，翻了{X}。", "fan"),
    T("growth", "zh", "B，比上年增加D，增长X%", "{S}{B}，比上年增加{D}，增长{X}。", "delta"),
    T("growth", "zh", "全角：由A增至B，同比增长X%", "{S}由{A}增至{B}，同比增长{X}。", "rate_up", fullwidth=True),
    T("growth", "zh", "A和B分别为B1和B2，比上年分别增加D1和D2，分别增长X%和Y%",
      "{S}和{S2}分别为{B}和{B2}，比上年分别增加{D}和{D2}，分别增长{X}和{X2}。", "paired_delta"),
    T("growth", "zh", "今年年初为A，到二季度末已达B，半年增加了X%",
      "今年年初，{S}为{A}，到了今年二季度末，{S}已高达{B}，短短半年增加了{X}。", "rate_up"),
    T("growth", "zh", "YEAR年B，同比增长X%（上一年为A）", "{T2}{S}为{B}，同比增长{X}（{T1}为{A}）。", "rate_up"),
    T("growth", "zh", "B，为T1年A的N倍", "{T2}{S}达到{B}，为{T1}{A}的{X}倍。", "to"),
    T("growth", "zh", "B，比上年的A高出X%", "{S}为{B}，比上年的{A}高出{X}。", "rate_up"),
    T("growth", "zh", "收报B，上涨D，涨幅X%", "{S}收报{B}，上涨{D}，涨幅{X}。", "delta"),
    T("growth", "zh", "较上年的A增加D，增长X%", "{S}较上年的{A}增加{D}，增长{X}。", "start_delta"),
    T("growth", "zh", "由A增至B，增加D", "{S}由{A}增至{B}，增加{D}。", "amount"),
    T("growth", "zh", "B，同比增长X%；上年同期为A", "{S}为{B}，同比增长{X}；上年同期为{A}。", "rate_up"),
    T("growth", "zh", "B，较年初增长X%，年初为A", "{S}为{B}，较年初增长{X}，年初为{A}。", "rate_up"),
    T("growth", "zh", "T1为A。T2增至B，增长X%", "{T1}，{S}为{A}。{T2}，{S}增至{B}，增长{X}。", "rate_up"),
    T("growth", "zh", "去年为A，今年增至B，增长X%", "去年{S}为{A}，今年增至{B}，增长{X}。", "rate_up"),
    T("growth", "zh", "B，环比上月的A上涨X%", "{S}为{B}，环比上月的{A}上涨{X}。", "rate_up"),
    T("growth", "zh", "T2为B，同比T1的A下降X%", "{T2}{S}为{B}，同比{T1}的{A}下降{X}。", "rate_down"),
    T("growth", "zh", "A增至B，增长X%", "{S}{A}增至{B}，增长{X}。", "rate_up"),
    T("growth", "zh", "B。而去年同期为A，同比增长X%", "今年{S}达到{B}。而去年同期为{A}，同比增长{X}。", "rate_up"),
    T("growth", "zh", "T2为B，为T1的N倍，T1为A", "{T2}{S}为{B}，为{T1}的{X}倍，{T1}{S}为{A}。", "to"),
    T("growth", "zh", "下跌D，报B，跌幅X%", "{S}下跌{D}，报{B}，跌幅{X}。", "delta_down"),
    T("growth", "en", "rose X% to B from A", "{S} rose {X} to {B} from {A}.", "rate_up"),
    T("growth", "en", "fell X pct to B from A a year earlier", "{S} fell {X} to {B} from {A} a year earlier.",
      "rate_down"),
    T("growth", "en", "increased to B from A, a rise of X%", "{S} increased to {B} from {A}, a rise of {X}.",
      "rate_up"),
    T("growth", "en", "B, up X% from A a year ago", "{S} were {B}, up {X} from {A} a year ago.", "rate_up"),
    T("growth", "en", "climbed X% from A to B", "{S} climbed {X} from {A} to {B}.", "rate_up"),
    T("growth", "en", "dropped to B in T2 from A in T1, a decline of X%",
      "{S} dropped to {B} in {T2} from {A} in {T1}, a decline of {X}.", "rate_down"),
    T("growth", "en", "doubled/tripled to B from A", "{S} {X} to {B} from {A}.", "verbal"),
    T("growth", "en", "grew N-fold to B from A", "{S} grew {X}-fold to {B} from {A}.", "to"),
    T("growth", "en", "rose X percentage points to B% from A%", "{S} rose {X} percentage points to {B} from {A}.",
      "points"),
    T("growth", "en", "B, N times the A of a year earlier", "{S} were {B}, {X} times the {A} of a year earlier.",
      "to"),
    T("growth", "en", "decreased X pct to B from A", "{S} decreased {X} to {B} from {A}.", "rate_down"),
    T("growth", "en", "rose to B compared with A, an increase of X%",
      "{S} rose to {B} compared with {A} in the previous year, an increase of {X}.", "rate_up"),
    T("growth", "en", "rose D, or X pct, from A", "{S} rose {D}, or {X}, from {A}.", "start_delta"),
    T("growth", "en", "was B, up D from A", "{S} was estimated at {B}, up {D} from {A}.", "amount"),
    T("growth", "en", "rose D to B from A", "{S} rose {D} to {B} from {A}.", "amount"),
    T("growth", "en", "narrowed X pct to B from A", "{S} narrowed {X} to {B} from {A}.", "rate_down"),
    T("growth", "en", "was up X pct over the A", "{S} of {B} were up {X} over the {A} of a year earlier.", "rate_up"),
    T("growth", "en", "B vs A, up X pct", "{S} were {B} vs {A}, up {X}.", "rate_up"),
    T("growth", "en", "fell D, or X pct, to B", "{S} fell {D}, or {X}, to {B}.", "delta_down"),
    T("growth", "en", "rose X pct, or D, to B", "{S} rose {X}, or {D}, to {B}.", "delta"),
    T("growth", "en", "rose X pct in T2 to B, after A in T1", "{S} rose {X} in {T2} to {B}, after {A} in {T1}.",
      "rate_up"),
    T("growth", "en", "slid X% to B from A", "{S} slid {X} to {B} from {A}.", "rate_down"),
    T("growth", "en", "B, X% up on the A of T1", "{S} were {B}, {X} up on the {A} of {T1}.", "rate_up"),
    T("growth", "en", "A and B rose X and Y pct, respectively, to B1 and B2 from A1 and A2",
      "{S} and {S2} rose {X} and {X2}, respectively, to {B} and {B2} from {A} and {A2}.", "paired"),
]

SHARES = [
    T("share", "zh", "其中A占X%，B占Y%，C占Z%", "{W}中，{L1}占{P1}，{L2}占{P2}，{L3}占{P3}。", "parts"),
    T("share", "zh", "A、B和C分别占X%、Y%和Z%", "{W}中，{L1}、{L2}和{L3}分别占{P1}、{P2}和{P3}。", "parts"),
    T("share", "zh", "A占比X%，B占比Y%", "{W}中，{L1}占比{P1}，{L2}占比{P2}。", "parts"),
    T("share", "zh", "A占W的X%，B占Y%，其余Z%为C", "{L1}占{W}的{P1}，{L2}占{P2}，其余{P3}为{L3}。", "rest"),
    T("share", "zh", "X%来自A，Y%来自B，其余Z%来自C", "{W}中，{P1}来自{L1}，{P2}来自{L2}，其余{P3}来自{L3}。", "rest"),
    T("share", "zh", "A约占一半，B占三成，其他占两成", "{W}中，{L1}约占{P1}，{L2}占{P2}，其他占{P3}。", "words"),
    T("share", "zh", "A和B的占比分别为X%和Y%", "在{W}中，{L1}和{L2}的占比分别为{P1}和{P2}。", "parts"),
    T("share", "zh", "A占X%，B占Y%，C占Z%，其他占R%", "{W}中，{L1}占{P1}，{L2}占{P2}，{L3}占{P3}，其他占{P4}。", "rest"),
    T("share", "zh", "其中甲类占X%，乙类占Y%……（一长串）", "{W}中，{LIST}。", "storm"),
    T("share", "zh", "全角：A占X%，B占Y%", "{W}中，{L1}占{P1}，{L2}占{P2}。", "parts", fullwidth=True),
    T("share", "zh", "A占W的X%。其余Y%来自B", "{L1}占{W}的{P1}。其余{P2}来自{L2}。", "rest"),
    T("share", "zh", "A仅占W的X%，低于B的Y%", "{L1}仅占{W}的{P1}，低于{L2}的{P2}。", "parts"),
    T("share", "zh", "从W结构看，A占比X%，B占比Y%，C占比Z%", "从{W}结构看，{L1}占比{P1}，{L2}占比{P2}，{L3}占比{P3}。",
      "parts"),
    T("share", "zh", "A、B和C的占比依次为X%、Y%和Z%", "{W}中，{L1}、{L2}和{L3}的占比依次为{P1}、{P2}和{P3}。", "parts"),
    T("share", "zh", "A贡献了X%，B贡献了Y%，其他Z%来自C", "{W}中，{L1}贡献了{P1}，{L2}贡献了{P2}，其他{P3}来自{L3}。", "rest"),
    T("share", "zh", "A以X%的市场份额居首，B和C的市场份额分别为Y%和Z%",
      "在{W}市场，{L1}以{P1}的市场份额居首，{L2}和{L3}的市场份额分别为{P2}和{P3}。", "parts"),
    T("share", "zh", "一半来自A，三成来自B，两成来自C", "{W}中，{P1}来自{L1}，{P2}来自{L2}，{P3}来自{L3}。", "words"),
    T("share", "zh", "从W的构成看，A为X%，B为Y%，C为Z%", "从{W}的构成看，{L1}为{P1}，{L2}为{P2}，{L3}为{P3}。", "parts"),
    T("share", "zh", "其中A占X%，剩余Y%为B（数量之后）", "{W}为120亿元，其中{L1}占{P1}，剩余{P2}为{L2}。", "rest"),
    T("share", "zh", "A占近半，B占三成半，其余为C", "{W}中，{L1}占{P1}，{L2}占{P2}，其余为{L3}。", "words"),
    T("share", "zh", "A占据W的半壁江山，B占X%，C占Y%", "{L1}占据{W}的{P1}，{L2}占{P2}，{L3}占{P3}。", "words"),
    T("share", "zh", "基准为A收益率×X%＋B收益率×Y%", "该基金的业绩比较基准为{L1}收益率×{P1}＋{L2}收益率×{P2}。", "parts"),
    T("share", "en", "one in five said A, three in ten said B and the rest were undecided",
      "In the poll, {P1} said they backed {L1}, {P2} said they backed {L2} and the rest were undecided.",
      "words"),
    T("share", "en", "A accounted for X% of W, B for Y% and C for Z%",
      "{L1} accounted for {P1} of {W}, {L2} for {P2} and {L3} for {P3}.", "parts"),
    T("share", "en", "A and B accounted for X% and Y% respectively",
      "{L1} and {L2} accounted for {P1} and {P2} of {W} respectively.", "parts"),
    T("share", "en", "A made up X% of W, while B made up Y%",
      "{L1} made up {P1} of {W}, while {L2} made up {P2}.", "parts"),
    T("share", "en", "X% of W came from A, Y% from B and the remaining Z% from C",
      "{P1} of {W} came from {L1}, {P2} from {L2} and the remaining {P3} from {L3}.", "rest"),
    T("share", "en", "about half came from A, a third from B", "About {P1} of {W} came from {L1} and {P2} from {L2}.",
      "words"),
    T("share", "en", "Of W, X% went to A, Y% to B and Z% to C",
      "Of {W}, {P1} went to {L1}, {P2} to {L2} and {P3} to {L3}.", "parts"),
    T("share", "en", "A, B and C took X%, Y% and Z% of W, respectively",
      "{L1}, {L2} and {L3} took {P1}, {P2} and {P3} of {W}, respectively.", "parts"),
    T("share", "en", "A represented X% of W and B Y%, the rest R%",
      "{L1} represented {P1} of {W} and {L2} {P2}, with the rest, {P3}, from {L3}.", "rest"),
    T("share", "en", "A took X% of W. The other Y% went to B", "{L1} took {P1} of {W}. The other {P2} went to {L2}.",
      "rest"),
    T("share", "en", "acquire X pct of W, in which it already holds a Y pct stake",
      "The group will acquire {P1} of {W}, in which it already holds a {P2} stake.", "parts"),
    T("share", "en", "A accounted for X pct of the 1986 W, B for Y pct", "{L1} accounted for {P1} of the 1986 {W}, "
      "{L2} for {P2} and {L3} for {P3}.", "parts"),
    T("share", "en", "W was X bln dlrs, of which Y% came from A", "{W} totalled 4.2 billion dlrs, of which {P1} came "
      "from {L1}, {P2} from {L2} and {P3} from {L3}.", "parts"),
    T("share", "en", "A accounted for X% of W, and another Y% came from B",
      "{L1} accounted for {P1} of {W}, and another {P2} came from {L2}.", "parts"),
    T("share", "en", "financed X pct by A and Y pct by B", "The new plant was financed {P1} by {L1} and {P2} by {L2}.",
      "parts"),
    T("share", "en", "A made up X% of W, B Y% and the remainder came from C",
      "{L1} made up {P1} of {W}, {L2} {P2} and the remainder came from {L3}.", "rest_unstated"),
    T("share", "en", "W was split X% to Y% between A and B", "{W} was split {P1} to {P2} between {L1} and {L2}.", "rest"),
    T("share", "en", "W was split between A (X%) and B (Y%)", "{W} was split between {L1} ({P1}) and {L2} ({P2}).",
      "parts"),
    T("share", "en", "X% of W came from A, Y% from B and the balance from C",
      "{P1} of {W} came from {L1}, {P2} from {L2} and the balance from {L3}.", "rest_unstated"),
    T("share", "en", "A contributed X% of W, B Y% and the remaining Z% came from C",
      "{L1} contributed {P1} of {W}, {L2} {P2} and the remaining {P3} came from {L3}.", "rest"),
    T("share", "en", "Of W, X% moved to A, Y% to B and Z% to C", "Of {W}, {P1} moved to {L1}, {P2} to {L2} and {P3} to {L3}.",
      "parts"),
    T("share", "en", "The biggest slice of W - X% - went to A, and another Y% came from B",
      "The biggest slice of {W} - {P1} - went to {L1}, and another {P2} came from {L2}.", "parts"),
    T("share", "en", "X% said A, Y% said B and the rest were undecided",
      "In the poll, {P1} said they backed {L1}, {P2} said they backed {L2} and the rest were undecided.",
      "rest_unstated"),
    T("share", "en", "A won X% of the vote to Y% for B", "Ms Lind won {P1} of the vote to {P2} for Mr Berg, official "
      "results showed.", "parts"),
    T("share", "en", "A held a X% share of W, followed by B with Y% and C with Z%",
      "{L1} held a {P1} share of {W}, followed by {L2} with {P2} and {L3} with {P3}.", "parts"),
    T("share", "en", "X% said they approved of A, while Y% said they disapproved",
      "In the poll, {P1} of voters said they approved of the plan for {L1}, while {P2} said they disapproved.",
      "parts"),
    T("share", "en", "Of W, A had X% and B Y%", "Of the votes counted, Ms Lind had {P1}, Mr Berg {P2} and Ms Amato {P3}, "
      "the commission said.", "parts"),
    T("share", "en", "the poll put support for A at X%, B at Y% and C at Z%",
      "The poll put support for the Greens at {P1}, Labour at {P2} and the Liberals at {P3}.", "parts"),
    T("share", "en", "X% of W are held by A, Y% by B and Z% by C",
      "{P1} of the company's shares are held by {L1}, {P2} by {L2} and {P3} by {L3}.", "parts"),
    T("share", "en", "W came from A (X%), B (Y%) and C (Z%)", "{W} came from {L1} ({P1}), {L2} ({P2}) and {L3} ({P3}).",
      "parts"),
]

ELAPSED = [
    T("elapsed", "zh", "自Y年成立以来，已走过N年历程", "自{Y}成立以来，{O}已走过{N}历程。"),
    T("elapsed", "zh", "从Y年创办至今，已有N年历史", "从{Y}创办至今，{O}已有{N}历史。"),
    T("elapsed", "zh", "创建于Y年，至今已有N年", "{O}创建于{Y}，至今已有{N}。"),
    T("elapsed", "zh", "Y年成立的…，今年迎来N周年", "{Y}成立的{O}，今年迎来{N}周年。"),
    T("elapsed", "zh", "自Y年起步以来，历经N年发展", "自{Y}起步以来，{O}历经{N}发展。"),
    T("elapsed", "zh", "N年前的Y年，…诞生", "{N}前的{Y}，{O}在这里诞生。"),
    T("elapsed", "zh", "自Y年建成以来，已运行N年", "{O}自{Y}建成以来，已运行{N}。"),
    T("elapsed", "zh", "从Y年至今，已经走过了N个年头", "从{Y}至今，{O}已经走过了{N}个年头。"),
    T("elapsed", "en", "founded in Y, … for N years", "Founded in {Y}, {O} has been trading for {N}."),
    T("elapsed", "en", "set up in Y, N years ago", "{O} was set up in {Y}, {N} ago."),
    T("elapsed", "en", "in the N years since Y", "In the {N} since {Y}, {O} has grown steadily."),
    T("elapsed", "en", "N years after its founding in Y", "{N} after its founding in {Y}, {O} is still growing."),
    T("elapsed", "en", "its Nth anniversary, having opened in Y",
      "{O} marks its {NTH} anniversary this year, having opened in {Y}."),
    T("elapsed", "en", "it is N years since … in Y", "It is {N} since {O} first opened in {Y}."),
    T("elapsed", "en", "which has operated for N years since Y", "{O}, which has operated for {N} since {Y}, is hiring."),
    T("elapsed", "en", "N years on from its launch in Y", "{N} on from its launch in {Y}, {O} is profitable."),
]

COUNTS = [
    T("count", "zh", "共有N家，分别为A、B和C", "{O}共有{N}子公司，分别为{I}。", "orgs"),
    T("count", "zh", "A、B和C三家企业", "{I}{N}企业入选。", "orgs"),
    T("count", "zh", "N项决议：A、B、C", "会议通过了{N}决议：{I}。", "tasks"),
    T("count", "zh", "N个分中心，即A、B和C", "{O}设立了{N}分中心，即{I}。", "places"),
    T("count", "zh", "获奖的N名选手是A、B和C", "获奖的{N}选手是{I}。", "people"),
    T("count", "zh", "A、B、C等N家公司", "{I}等{N}公司发布了公告。", "orgs"),
    T("count", "zh", "由A、B和C N个部门组成", "{O}由{I}{N}部门组成。", "units"),
    T("count", "zh", "N个方面：一是A；二是B；三是C", "{O}的工作包括{N}方面：{ENUM}。", "tasks"),
    T("count", "en", "the N bidders are A, B and C", "The {N} bidders are {I}.", "orgs"),
    T("count", "en", "has N subsidiaries: A, B and C", "{O} has {N} subsidiaries: {I}.", "orgs"),
    T("count", "en", "A, B and C, the N largest …", "{I}, the {N} largest lenders, raised rates.", "orgs"),
    T("count", "en", "N countries - A, B and C - signed", "{N} countries - {I} - signed the accord.", "places"),
    T("count", "en", "the N finalists, A, B and C, will meet", "The {N} finalists, {I}, will meet on Friday.",
      "people"),
    T("count", "en", "shares in N companies, namely A, B and C", "Shares in {N} companies, namely {I}, were suspended.",
      "orgs"),
    T("count", "en", "N teams (A, B and C) have qualified", "{N} teams ({I}) have qualified.", "places"),
    T("count", "en", "the two firms, A and B", "The {N} firms, {I}, declined to comment.", "orgs"),
]

FACTS = [
    T("fact", "zh", "E成立于Y年M月", "{E}成立于{DATE}。", "founded"),
    T("fact", "zh", "Y年M月成立的E", "{DATE}成立的{E}近年发展迅速。", "founded"),
    T("fact", "zh", "P出生于Y年", "{E}出生于{DATE}，长期从事相关研究。", "born"),
    T("fact", "zh", "E始建于Y年", "{E}始建于{DATE}，是当地的地标。", "founded"),
    T("fact", "zh", "E创立于Y年", "{E}创立于{DATE}，总部位于杭州。", "founded"),
    T("fact", "zh", "P，Y年M月生", "{E}，{DATE}生，现任公司董事长。", "born"),
    T("fact", "zh", "E于Y年M月在交易所上市", "{E}于{DATE}在深圳证券交易所上市。", "listed"),
    T("fact", "zh", "Y年，E正式成立", "{DATE}，{E}正式成立。", "founded"),
    T("fact", "zh", "自Y年成立以来，E", "自{DATE}成立以来，{E}已发展成为行业龙头。", "founded"),
    T("fact", "zh", "Y年M月D日，E挂牌成立", "{DATE}，{E}挂牌成立。", "founded"),
    T("fact", "zh", "E成立于Y年M月（全角）", "{E}成立于{DATE}，注册资本一亿元。", "founded", fullwidth=True),
    T("fact", "zh", "E于Y年M月在上交所挂牌上市", "{E}于{DATE}在上交所挂牌上市，募资5亿元。", "listed"),
    T("fact", "zh", "P于Y年M月出任董事长", "{E}于{DATE}出任公司董事长。", "took_office"),
    T("fact", "zh", "Y年M月出生的P", "{DATE}出生的{E}是公司创始人。", "born"),
    T("fact", "en", "E, founded in Y", "{E}, founded in {DATE}, employs about 300 people.", "founded"),
    T("fact", "en", "P, who was born in Y", "{E}, who was born in {DATE}, joined the board last year.", "born"),
    T("fact", "en", "E was set up in Y", "{E} was set up in {DATE} to serve local farmers.", "founded"),
    T("fact", "en", "P was born on D Month Y", "{E} was born on {DATE} in Leeds.", "born"),
    T("fact", "en", "E, established in Month Y", "{E}, established in {DATE}, makes pumps.", "founded"),
    T("fact", "en", "E was founded in Y by", "{E} was founded in {DATE} by two engineers.", "founded"),
    T("fact", "en", "Born in Y, P", "Born in {DATE}, {E} studied law in Paris.", "born"),
    T("fact", "en", "E, which was listed in Y", "{E}, which was listed in {DATE}, saw its shares fall.", "listed"),
    T("fact", "en", "Since its founding in Y, E", "Since its founding in {DATE}, {E} has doubled its staff.", "founded"),
    T("fact", "en", "the Y-founded E", "The {DATE}-founded {E} said profits rose.", "founded"),
    T("fact", "en", "E (founded Y)", "{E} (founded {DATE}) makes valves.", "founded"),
    T("fact", "en", "E went public in Month Y", "{E} went public in {DATE}, raising 40 mln dlrs.", "listed"),
    T("fact", "en", "P took office in Month Y", "{E} took office as chief executive in {DATE}.", "took_office"),
    T("fact", "en", "P, born Y,", "{E}, born {DATE}, chairs the board.", "born"),
    # names given in another paragraph, and terms of office
    T("fact", "zh", "该公司成立于Y年（名称在前段）", "{E}是当地一家重点企业。\n\n该公司成立于{DATE}，产品远销海外。", "founded"),
    T("fact", "zh", "姓+董事长Y年出生（全名在前段）", "{E}在接受记者采访时表示，将加大研发投入。\n\n{SN}董事长{DATE}出生，毕业于浙江大学。",
      "born"),
    T("fact", "zh", "P Y年M月起担任董事长", "{E}{DATE}起担任公司董事长，任内推动了两次并购。", "took_office"),
    T("fact", "zh", "P担任董事长的任期始于Y年M月", "{E}担任董事长的任期始于{DATE}。", "took_office"),
    T("fact", "en", "The company was founded in Y (named in another paragraph)",
      "{E} said it would hire 40 staff.\n\nThe company was founded in {DATE} by two engineers.", "founded"),
    T("fact", "en", "Dr Surname, who was born in Y (full name in another paragraph)",
      "{E} chairs the board.\n\nDr {SN}, who was born in {DATE}, joined the firm in 1990.", "born"),
    T("fact", "en", "P, whose tenure as chief executive began in Month Y",
      "Under {E}, whose tenure as chief executive began in {DATE}, costs fell.", "took_office"),
    T("fact", "en", "P has ... since taking office as chief executive in Month Y",
      "{E} has cut costs since taking office as chief executive in {DATE}.", "took_office"),
    T("fact", "zh", "P自Y年M月出任董事长以来", "{E}自{DATE}出任公司董事长以来，推动了三次并购。", "took_office"),
]

# More growth families, listed last so that the cases drawn for the templates above stay as they were.
GROWTH_MORE = [
    T("growth", "zh", "B，环比增长X%，同比增长Y%，上月为A", "{S}为{B}，环比增长{X}，同比增长12.6%，上月为{A}。", "rate_up"),
    T("growth", "zh", "B，较年初增长X%，比年初增加D", "{S}为{B}，较年初增长{X}，比年初增加{D}。", "delta"),
    T("growth", "zh", "B，同比增长X%，比去年同期的A多了D", "{S}为{B}，同比增长{X}，比去年同期的{A}多了{D}。", "rate_up"),
    T("growth", "zh", "由A%回落至B%，回落X个百分点", "{S}由{A}回落至{B}，回落{X}个百分点。", "points_down"),
    T("growth", "zh", "同比增长B%，比上月加快X个百分点，上月增长A%", "{S}同比增长{B}，比上月加快{X}个百分点，上月增长{A}。",
      "points"),
    T("growth", "zh", "从T1的A增至T2的B，年均增长X%", "{S}从{T1}的{A}增至{T2}的{B}，年均增长{X}。", "annual"),
    T("growth", "zh", "由T1的A增至T2的B，复合增长率达X%", "{S}由{T1}的{A}增至{T2}的{B}，复合增长率达{X}。", "annual"),
    T("growth", "zh", "B，比前一周的A少X%", "{S}为{B}，比前一周的{A}少{X}。", "rate_down"),
    T("growth", "zh", "去年为A，今年则增至B，增长X%", "去年全年{S}为{A}，今年则增至{B}，增长{X}。", "rate_up"),
    T("growth", "zh", "B，而去年底为A，半年间增长了X%", "截至6月30日，{S}为{B}，而去年底为{A}，半年间增长了{X}。", "rate_up"),
    T("growth", "en", "B were X pct higher than the A of T1", "{S} of {B} were {X} higher than the {A} of {T1}.",
      "rate_up"),
    T("growth", "en", "B, X pct lower than the A a year earlier",
      "{S} were {B}, {X} lower than the {A} recorded a year earlier.", "rate_down"),
    T("growth", "en", "shrank X% to B from A", "{S} shrank {X} to {B} from {A}.", "rate_down"),
    T("growth", "en", "surged X% to B from A", "{S} surged {X} to {B} from {A}.", "rate_up"),
    T("growth", "en", "plunged X% to B from A", "{S} plunged {X} to {B} from {A}.", "rate_down"),
    T("growth", "en", "grew by X% to B from A", "{S} grew by {X} to {B} from {A}.", "rate_up"),
    T("growth", "en", "B versus a year-earlier A, a gain of X pct", "{S} were {B} versus a year-earlier {A}, a gain of {X}.",
      "rate_up"),
    T("growth", "en", "grew to B in T2 from A in T1, an annual rate of X%",
      "{S} grew to {B} in {T2} from {A} in {T1}, an annual rate of {X}.", "annual"),
    T("growth", "en", "B, compared to A a year ago, an increase of X%",
      "{S} were {B}, compared to {A} a year ago, an increase of {X}.", "rate_up"),
    T("growth", "en", "edged up X percentage points to B from A", "{S} edged up {X} percentage points to {B} from {A}.",
      "points"),
    T("growth", "zh", "T1至T2，从A增至B，年均增长X%（年份在句首）", "{T1}至{T2}，{S}从{A}增至{B}，年均增长{X}。", "annual"),
    T("growth", "zh", "B，环比增长x%，同比增长X%，去年同期为A（同比的基数在环比之后）",
      "{S}为{B}，环比增长3.2%，同比增长{X}，去年同期为{A}。", "rate_up"),
    T("growth", "zh", "新增B，环比减少D，降幅为X%（本期新增的量与上期相比）",
      "本月新增{S}{B}，环比减少{D}，降幅为{X}。", "delta_down"),
    T("growth", "en", "rose X% to B (A), the earlier figure in brackets", "{S} rose {X} to {B} ({A}).", "rate_up"),
    T("growth", "en", "fell to B, or N cts a share, from A, or M cts, a decline of X% (per-share figures between)",
      "{S} fell to {B}, or 30 cts a share, from {A}, or 38 cts, a decline of {X}.", "rate_down"),
    T("growth", "en", "gained D points, or X%, to B (no unit)", "The share index gained {D} points, or {X}, to {B}.",
      "delta"),
    T("growth", "en", "fell by D to B, a drop of X% (no unit)", "The number of people out of work fell by {D} to {B}, a drop of {X}.",
      "delta_down"),
    T("growth", "en", "Between T1 and T2, rose to B from A, an annual rate of X% (years opening the sentence)",
      "Between {T1} and {T2}, {S} rose to {B} from {A}, an annual rate of {X}.", "annual"),
    T("growth", "zh", "T1～T3年分别为A0、A、B，分别比上年增长x、y、X%（逐年序列）",
      "2016～2018年，{S}分别为{A0}、{A}和{B}，分别比上年增长8.0%、{XA}和{X}。", "series"),
    T("growth", "zh", "由A%降至B%。…（同一指标）降低X个百分点（变化在下一句）",
      "今年{S}由{A}降至{B}。业内人士认为，{S}降低{X}个百分点，影响明显。", "points_down"),
    T("growth", "zh", "B，比上年增长X%；上年为A（基数在分号之后）", "全年{S}为{B}，比上年增长{X}；上年为{A}。", "rate_up"),
    T("growth", "zh", "为A，随后大幅上升至B，增长X%", "{S}为{A}，随后大幅上升至{B}，增长{X}。", "rate_up"),
    T("growth", "zh", "B，较…同期的A，出现了X%的下调", "{S}为{B}，较上月同期的{A}，出现了{X}的下调。", "rate_down"),
    T("growth", "zh", "从A增至B，规模增加D", "{S}从{A}增至{B}，规模增加{D}。", "amount"),
    T("growth", "en", "grew by B% in T2, compared with A% in T1, a rise of X percentage points (a rate against a rate)",
      "{S} grew by {B} in 1987, compared with {A} in 1986, a rise of {X} percentage points.", "points"),
    T("growth", "zh", "指数上涨A%，…收益率为B%，跑赢大盘X个百分点（与大盘的涨幅相比）",
      "今年以来上证指数上涨{A}，该基金收益率为{B}，跑赢大盘{X}个百分点。", "points"),
    T("growth", "zh", "上季有A%的W…。本季有B%的W…，比上季提高X个百分点（同样的话说两次）",
      "一季度，有{A}的受访企业认为经营状况“良好”。二季度，有{B}的受访企业认为经营状况“良好”，比上季提高{X}个百分点。",
      "points"),
    T("growth", "zh", "…W(B%)…。其中，“W”较上季度的A%上涨X个百分点（数值在前文括号里）",
      "受访者的意愿依次为：旅游(31.5%)、购房({B})。其中，“购房”较上季度的{A}上涨{X}个百分点。", "points"),
    T("growth", "en", "averaged B barrels per day, up from A bpd, an increase of X% (one unit written two ways, no unit)",
      "Crude imports averaged {B} barrels per day, up from {A} bpd, an increase of {X}.", "rate_up"),
    T("growth", "zh", "…升至A；…再度增加D升至B（从上一分句的终值算起）", "上月{S}明显回升，升至{A}；本月再度增加{D}升至{B}。",
      "amount"),
    T("growth", "zh", "从A增加到B，实现翻番（至少两倍）", "{S}从{A}增加到{B}，实现{X}。", "doubled_at_least"),
    T("growth", "zh", "B，同比增长X%，上年同期为A，其中C…（每个变化后面紧跟自己的基数）",
      "{S}为{B}，同比增长{X}，上年同期为{A}，其中{S2}为{B2}，同比增长{X2}，上年同期为{A2}。", "paired"),
    T("growth", "zh", "同比增长B%，增速比上年同期的A%加快X个百分点（增速对增速，基数当场给出）",
      "{S}同比增长{B}，增速比上年同期的{A}加快{X}个百分点。", "points"),
    T("growth", "zh", "增长B%，比上年同期的A%提高X个百分点（不说增速）",
      "今年以来{S}增长{B}，比上年同期的{A}提高{X}个百分点。", "points"),
    T("growth", "zh", "同比增长B%，增速比一季度的A%回落X个百分点", "{S}同比增长{B}，增速比一季度的{A}回落{X}个百分点。",
      "points_down"),
    T("growth", "zh", "B，较上年同期的A增加D，增长X%（数额紧跟基数，与增速各成一说）",
      "{S}为{B}，较上年同期的{A}增加{D}，增长{X}。", "amount"),
]

# More fact families: pronouns, offices held since a date, a person's years in brackets, events news words its own way.
FACTS_MORE = [
    T("fact", "zh", "P因病于Y年M月D日在北京逝世", "著名作曲家{E}因病于{DATE}在北京逝世，享年89岁。", "died"),
    T("fact", "zh", "E Y年由P在杭州创办", "{E}{DATE}由张海涛在杭州创办，如今员工逾千人。", "founded"),
    T("fact", "zh", "Y年M月，“E”卫星在发射中心成功发射", "{DATE}，“{E}”卫星在酒泉卫星发射中心成功发射。", "launched"),
    T("fact", "en", "It was in Y that P founded E", "It was in {DATE} that Daniel Okafor founded {E} in Lagos.", "founded"),
    T("fact", "en", "E, the Leeds-based pump maker, listed in Y", "{E}, the Leeds-based pump maker, listed in {DATE}.",
      "listed"),
    T("fact", "en", "Shares in E began trading in Y", "Shares in {E} began trading in {DATE}, valuing it at 40 mln dlrs.",
      "listed"),
    T("fact", "en", "The novelist P, who has died aged 84, was born in Y",
      "The novelist {E}, who has died aged 84, was born in Dublin in {DATE}.", "born"),
    T("fact", "en", "E was opened to traffic in Month Y", "{E} was opened to traffic in {DATE}.", "opened"),
    T("fact", "zh", "P……。他于Y年M月出任董事长（代词）", "{E}是公司创始人之一。他于{DATE}出任公司董事长。", "took_office"),
    T("fact", "zh", "她出生于Y年（代词，名字在前段）", "{E}在接受采访时介绍了新产品。\n\n她出生于{DATE}，毕业于浙江大学。", "born"),
    T("fact", "zh", "E于Y年M月D日正式揭牌", "{E}于{DATE}正式揭牌，首批入驻企业20家。", "opened"),
    T("fact", "zh", "E于Y年M月正式投产", "{E}于{DATE}正式投产，年产能5万吨。", "opened"),
    T("fact", "zh", "E于Y年M月D日在上交所挂牌交易", "{E}于{DATE}在上交所挂牌交易。", "listed"),
    T("fact", "zh", "P（Y—Y）", "著名画家{E}（{DATE}—{END}）的作品在上海展出。", "born"),
    T("fact", "zh", "P于Y年M月正式退休", "{E}于{DATE}正式退休，此前担任公司总工程师。", "left_office"),
    T("fact", "zh", "自Y年M月“E”正式开通以来", "自{DATE}“{E}”正式开通以来，累计服务企业3000家。", "opened"),
    T("fact", "en", "P, who ..., said .... She was born in Y (pronoun)",
      "{E}, who chairs the board, said costs fell. {PRON} was born in {DATE} in Leeds.", "born"),
    T("fact", "en", "P has been chief executive since Month Y", "{E} has been chief executive since {DATE}.",
      "took_office"),
    T("fact", "en", "P, chief executive since Y, said", "{E}, chief executive since {DATE}, said the board would meet.",
      "took_office"),
    T("fact", "en", "E went into operation in Month Y", "{E} went into operation in {DATE} with 40 staff.", "opened"),
    T("fact", "en", "P (Y-Y)", "Works by the painter {E} ({DATE}-{END}) go on show in Leeds.", "born"),
    T("fact", "en", "P stood down as chairman in Month Y", "{E} stood down as chairman in {DATE}.", "left_office"),
    T("fact", "en", "P was named chief executive in Month Y", "{E} was named chief executive in {DATE}.",
      "took_office"),
    T("fact", "en", "E opened its doors in Y", "{E} opened its doors in {DATE} in a former mill.", "opened"),
    T("fact", "zh", "E成立于1990年，Y年M月在深交所上市（承前主语）", "{E}成立于1990年，{DATE}在深交所上市。", "listed"),
    T("fact", "en", "E was set up in 1990 and listed in Month Y", "{E} was set up in 1990 and listed in {DATE}.",
      "listed"),
    T("fact", "zh", "E是一家成立于Y年的企业", "{E}是一家成立于{DATE}的高新技术企业。", "founded"),
    T("fact", "zh", "E（股票代码：300001）于Y年M月在深交所上市", "{E}（股票代码：300001）于{DATE}在深交所上市。", "listed"),
    T("fact", "en", "E, a pump maker founded in Y,", "{E}, a pump maker founded in {DATE}, cut 40 jobs.", "founded"),
    T("fact", "en", "E made its stock market debut in Month Y", "{E} made its stock market debut in {DATE}.", "listed"),
    T("fact", "zh", "E将加大研发投入，Y年M月在深交所上市（承句首主语）", "{E}将加大研发投入，{DATE}在深交所上市。", "listed"),
    T("fact", "en", "Since it was founded in Y, E has", "Since it was founded in {DATE}, {E} has doubled its staff.",
      "founded"),
    T("fact", "zh", "P是公司创始人。Y年，他出任董事长（代词）", "{E}是公司创始人。{DATE}，他出任公司董事长。", "took_office"),
    T("fact", "en", "P, who ..., said .... Born in Y, she studied law (pronoun)",
      "{E}, who runs the lab, said sales rose. Born in {DATE}, {PRON_LOWER} studied law.", "born"),
]

TEMPLATES = GROWTH + SHARES + ELAPSED + COUNTS + FACTS + GROWTH_MORE + FACTS_MORE

# --- words the templates are filled with ---------------------------------------------------------

# Subjects with the units they are counted in.
ZH_SUBJECTS = [("公司营业收入", ("亿元", "万元")), ("全年净利润", ("亿元", "万元")), ("该省出口额", ("亿美元", "亿元")),
               ("全市粮食产量", ("万吨",)), ("新能源汽车销量", ("万辆",)), ("平台注册用户", ("万人",)),
               ("社会消费品零售总额", ("亿元",)), ("研发投入", ("亿元", "万元"))]
ZH_UNIT_VALUE = {"亿元": 1e8, "万元": 1e4, "亿美元": 1e8, "万吨": 1e4, "万辆": 1e4, "万人": 1e4}
ZH_RATIOS = ["城镇居民的比例", "研发人员占比", "线上销售的比重", "清洁能源的占比"]
EN_MONEY = [("", " mln dlrs", 1e6), ("", " billion dlrs", 1e9), ("$", "bn", 1e9), ("$", "m", 1e6), ("", " mln stg", 1e6),
            ("£", "m", 1e6), ("", " million dlrs", 1e6), ("", "m euros", 1e6)]
EN_VOLUME = [("", " million tonnes", 1e6), ("", " mln barrels", 1e6), ("", " mln tonnes", 1e6), ("", " million units", 1e6)]
EN_SUBJECTS = [("Net profit", EN_MONEY), ("Quarterly revenues", EN_MONEY), ("Exports", EN_MONEY), ("Sales", EN_MONEY),
               ("Crude output", EN_VOLUME), ("Operating income", EN_MONEY), ("Shipments", EN_VOLUME),
               ("Pre-tax profits", EN_MONEY)]
EN_RATIOS = ["Its market share", "The jobless rate", "The savings ratio", "The utilisation rate"]
ZH_TIMES = [("2019年", "2024年"), ("2015年底", "2020年底"), ("2022年上半年", "2023年上半年"), ("2010年", "2020年")]
EN_TIMES = [("1985", "1986"), ("2003", "2004"), ("the first quarter of 1986", "the first quarter of 1987")]
ZH_PARTS = ["制造业", "服务业", "农业", "出口", "内需", "个人用户", "企业用户", "政府采购", "东部地区", "中西部地区"]
ZH_WHOLES = ["全年新增贷款", "公司营业收入", "今年的投资总额", "全部受访企业"]
EN_PARTS = ["cars", "trucks", "spare parts", "domestic buyers", "exports", "the public sector", "retail clients",
            "corporate clients", "North America", "Europe"]
EN_WHOLES = ["group sales", "total revenue", "last year's output", "the fund's assets"]
ZH_ORGS = ["华科智能科技有限公司", "东方精密仪器厂", "南山实验学校", "长江数据研究院", "青禾农业合作社", "北辰新材料股份有限公司"]
ZH_PEOPLE = ["王建华", "李明远", "陈思涵", "赵国栋", "周雅琴", "孙立新"]
EN_ORGS = ["Northwind Labs", "Harbor Mills Ltd", "Castlegate Bank", "Blue Ridge Foods", "Meridian Pumps Inc",
           "Kestrel Airways"]
EN_PEOPLE = ["Maria Kowalski", "James Whitfield", "Ana Lucia Moreno", "Peter Okafor", "Helen Marsh", "David Lindqvist"]
# Parts of the names of planted facts: every fact gets a name of its own, so that the only dates one name carries
# in a run are the ones its document states (CON001 compares full names across the whole run).
ZH_BRANDS = ["华科", "东辰", "青禾", "北辰", "鼎泰", "瑞丰", "嘉禾", "恒通", "润达", "金桥", "天宇", "海纳", "博远", "启航",
             "星河", "远望", "明德", "安捷", "正源", "同创"]
ZH_ORG_KINDS = ["智能科技有限公司", "精密仪器厂", "数据研究院", "农业合作社", "新材料股份有限公司", "实验学校", "医药集团",
                "物流有限公司", "电子科技股份有限公司", "环保技术研究所"]
ZH_SURNAMES = ["王", "李", "陈", "赵", "周", "孙", "刘", "杨", "黄", "吴", "徐", "朱", "林", "何", "郭", "马"]
ZH_GIVEN = ["建华", "明远", "思涵", "国栋", "雅琴", "立新", "志强", "晓燕", "海峰", "丽娟", "文博", "春梅"]
EN_BRANDS = ["Northwind", "Harbor", "Castlegate", "Blue Ridge", "Meridian", "Kestrel", "Silverline", "Oakridge",
             "Redwood", "Bramble", "Larkspur", "Copperfield", "Thornbury", "Ashdown", "Wexley", "Marlow",
             "Fenwick", "Halden", "Pellow", "Brightwater"]
EN_ORG_KINDS = ["Labs", "Mills Ltd", "Bank", "Foods", "Pumps Inc", "Airways", "Holdings", "Systems Corp", "Group",
                "Engineering Ltd"]
EN_FIRST = ["Maria", "James", "Ana Lucia", "Peter", "Helen", "David", "Sarah", "Thomas", "Grace", "Michael", "Laura",
            "Daniel", "Nadia", "Robert"]
EN_WOMEN = frozenset({"Maria", "Ana", "Helen", "Sarah", "Grace", "Laura", "Nadia"})  # for "she" and "he"
EN_LAST = ["Kowalski", "Whitfield", "Moreno", "Okafor", "Marsh", "Lindqvist", "Brennan", "Hargreaves", "Castellano",
           "Fairbairn", "Nakamura", "Osei", "Pemberton", "Sandoval"]
ZH_ITEMS = ["华兴银行", "天元证券", "海通物流", "星辰电子", "金桥建设", "远航船舶", "宏达化工", "新世纪传媒"]
ZH_ENUM = ["加快项目建设", "优化营商环境", "扩大对外开放", "保障改善民生", "推动科技创新"]
ZH_PLACES = ["北京", "上海", "广州", "深圳", "成都", "武汉", "西安"]
ZH_UNITS_OF = ["办公室", "研发部", "财务部", "市场部", "法务部", "人事部"]
EN_ITEMS = ["Acme Corp", "Globex", "Initech", "Umbrella Holdings", "Vandelay Industries", "Stark Metals", "Wayne Freight"]
EN_PLACES = ["France", "Brazil", "Kenya", "Japan", "Norway", "Chile", "Canada"]
ITEM_POOLS = {("zh", "orgs"): ZH_ITEMS, ("zh", "tasks"): ZH_ENUM, ("zh", "places"): ZH_PLACES,
              ("zh", "people"): ZH_PEOPLE, ("zh", "units"): ZH_UNITS_OF, ("en", "orgs"): EN_ITEMS,
              ("en", "places"): EN_PLACES, ("en", "people"): EN_PEOPLE}
EN_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
ZH_NUMBER_WORDS = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八"}
ZH_COUNTERS = {"{O}共有{N}子公司": "家", "{I}{N}企业": "家", "{N}决议": "项", "{N}分中心": "个", "{N}选手": "名",
               "{N}公司": "家", "{N}部门": "个", "{N}方面": "个"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


# --- numbers as the language writes them ---------------------------------------------------------

def _fmt(v: float, decimals: int) -> str:
    return f"{v:.{decimals}f}"


def en_percent(rng: random.Random, v: str) -> str:
    return v + rng.choice(["%", " pct", " percent", " per cent"])


# --- rendering -----------------------------------------------------------------------------------

def render(text: str, slots: dict[str, str]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The template filled in, and where each slot's text landed."""
    out, where, pos = [], {}, 0
    for m in re.finditer(r"\{(\w+)\}", text):
        out.append(text[pos:m.start()])
        at = sum(len(s) for s in out)
        value = slots[m.group(1)]
        out.append(value)
        where.setdefault(m.group(1), (at, at + len(value)))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), where


def _value(slot: str, where: dict, text: str, value: float, unit: str) -> dict:
    s, e = where[slot]
    return {"surface": text[s:e], "start": s, "end": e, "value": value, "unit": unit}


def growth_case(t: Template, rng: random.Random, true: bool) -> tuple[dict, dict]:
    """Slots and the label fields (slot -> (value, unit)) of one growth statement."""
    zh = t.lang == "zh"
    subject, units = rng.choice(ZH_SUBJECTS if zh else EN_SUBJECTS)
    slots: dict[str, str] = {"S": subject}
    if zh:
        t1, t2 = rng.choice(ZH_TIMES)
    else:
        t1, t2 = rng.choice(EN_TIMES)
    slots |= {"T1": t1, "T2": t2}
    fields = {}
    if t.form in ("points", "points_down"):
        slots["S"] = rng.choice(ZH_RATIOS if zh else EN_RATIOS)
        a = round(rng.uniform(5, 40), 1)
        x = round(rng.uniform(1, 9), 1)
        b = round(a + x, 1)
        stated = x if true else round(x + rng.choice([2.5, 3.6, -x / 2 - 1.5]), 1)
        if t.form == "points_down":  # from the higher to the lower
            a, b = b, a
        slots |= {"A": f"{_fmt(a, 1)}%", "B": f"{_fmt(b, 1)}%", "X": _fmt(stated, 1)}
        fields = {"start_value": ("A", a, "%"), "end_value": ("B", b, "%"),
                  "change": ("X", stated, "pp", "points", "down" if t.form == "points_down" else "up")}
        return slots, fields
    a = round(rng.uniform(20, 900), 1)
    if zh:
        unit = rng.choice(units)
        pre, suf, mult = "", unit, ZH_UNIT_VALUE[unit]
    else:
        pre, suf, mult = rng.choice(units)
        unit = suf.strip() or pre
    if t.family.endswith("(no unit)"):  # an index or a head count, written bare: fell 12.3 to 88.4
        a = round(rng.uniform(1200, 9000), 1)
        pre, suf, mult, unit = "", "", 1, ""

    def show(v: float) -> str:
        return f"{pre}{_fmt(v, 1)}{suf}"
    if t.form in ("rate_up", "rate_down", "delta", "delta_down", "start_delta", "amount", "paired", "paired_delta"):
        down = t.form in ("rate_down", "delta_down")
        r = rng.uniform(8, 60) * (1 if not down else -0.6)
        b = round(a * (1 + r / 100), 1)
        x = round(100 * (b / a - 1), 1)
        d = round(abs(b - a), 1)
        stated = abs(x) if true else round(abs(x) + rng.choice([6.0, 9.5, 12.0]), 1)
        x_text = f"{_fmt(stated, 1)}%" if zh else en_percent(rng, _fmt(stated, 1))
        slots |= {"A": show(a), "B": show(b), "X": x_text, "D": show(d)}
        direction = "down" if down else "up"
        fields = {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                  "change": ("X", stated, "%", "percent", direction)}
        if t.form in ("delta", "delta_down", "paired_delta"):
            fields = {"end_value": ("B", b * mult, unit), "delta": ("D", d * mult, unit),
                      "change": ("X", stated, "%", "percent", direction)}
        elif t.form == "start_delta":
            fields = {"start_value": ("A", a * mult, unit), "delta": ("D", d * mult, unit),
                      "change": ("X", stated, "%", "percent", "up")}
        elif t.form == "amount":  # the change is the amount itself, stated false by a tenth or more
            stated_d = d if true else round(d * rng.choice([1.3, 1.6, 0.6]), 1)
            slots["D"] = show(stated_d)
            fields = {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                      "change": ("D", stated_d * mult, unit, "amount", "up")}
        if t.form.startswith("paired"):  # a second item, listed after the first, always true
            others = [n for n, u in (ZH_SUBJECTS if zh else EN_SUBJECTS) if n != subject]
            a2 = round(rng.uniform(20, 900), 1)
            b2 = round(a2 * (1 + rng.uniform(8, 60) / 100), 1)
            x2 = round(100 * (b2 / a2 - 1), 1)
            slots |= {"S2": rng.choice(others).lower() if not zh else rng.choice(others), "A2": show(a2),
                      "B2": show(b2), "D2": show(round(b2 - a2, 1)),
                      "X2": f"{_fmt(x2, 1)}%" if zh else en_percent(rng, _fmt(x2, 1))}
        return slots, fields
    if t.form == "annual":  # a compound yearly rate between two years three to eight apart
        y1, n = rng.randint(2004, 2014), rng.randint(3, 8)
        slots |= {"T1": f"{y1}年" if zh else str(y1), "T2": f"{y1 + n}年" if zh else str(y1 + n)}
        b = round(a * (1 + rng.uniform(5, 25) / 100) ** n, 1)
        x = round(100 * ((b / a) ** (1 / n) - 1), 1)
        stated = x if true else round(x + rng.choice([4.0, 6.5, -3.5 if x > 8 else 5.0]), 1)
        slots |= {"A": show(a), "B": show(b), "X": f"{_fmt(stated, 1)}%" if zh else en_percent(rng, _fmt(stated, 1))}
        return slots, {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                       "change": ("X", stated, "%", "percent", "up")}
    if t.form == "doubled_at_least":  # 实现翻番: at least twice the start
        b = round(a * (rng.uniform(2.02, 2.8) if true else rng.uniform(1.2, 1.55)), 1)
        slots |= {"A": show(a), "B": show(b), "X": "翻番"}
        return slots, {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                       "change": ("X", 2, "倍", "multiple_to", "up")}
    if t.form == "series":  # a value a year, each against the one before: only the last rate is the labelled one
        b = round(a * (1 + rng.uniform(8, 40) / 100), 1)
        a0 = round(a / (1 + rng.uniform(5, 30) / 100), 1)
        x = round(100 * (b / a - 1), 1)
        stated = x if true else round(x + rng.choice([6.0, 9.5, -4.5]), 1)
        slots |= {"A0": show(a0), "A": show(a), "B": show(b), "XA": f"{_fmt(round(100 * (a / a0 - 1), 1), 1)}%",
                  "X": f"{_fmt(stated, 1)}%"}
        return slots, {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                       "change": ("X", stated, "%", "percent", "up")}
    if t.form == "verbal":
        k = rng.choice([2, 3, 4])
        b = round(a * k * rng.uniform(0.985, 1.025), 1) if true else round(a * (k + rng.choice([1.2, -0.7])), 1)
        slots |= {"A": show(a), "B": show(b), "X": {2: "doubled", 3: "tripled", 4: "quadrupled"}[k]}
        return slots, {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                       "change": ("X", k, "x", "multiple_to", "up")}
    n = rng.choice([2, 3, 4, 5])
    if t.form == "fan":
        n = rng.choice([1, 2])
        ratio = 2 ** n
        slots["X"] = {1: "一番", 2: "两番"}[n]
        kind = "fan"
    elif t.form == "by":
        ratio = n + 1
        kind = "multiple_by"
    else:
        ratio = n
        kind = "multiple_to"
    if "X" not in slots:
        slots["X"] = str(n) if not zh or rng.random() < 0.7 else ZH_NUMBER_WORDS[n]
    b = round(a * ratio, 1) if true else round(a * (ratio + rng.choice([1.5, 2.5])), 1)
    slots |= {"A": show(a), "B": show(b)}
    return slots, {"start_value": ("A", a * mult, unit), "end_value": ("B", b * mult, unit),
                   "change": ("X", n, "x", kind, "up")}


# Shares in words, (true, false) per family (the language's own for the others): each word at its slot P1, P2, ...
# with its value; a false list cannot fit in 100% even at the lowest its words allow.
WORDS = {
    "zh": ([("一半", 50), ("三成", 30), ("两成", 20)], [("一半", 50), ("六成", 60), ("两成", 20)]),
    "en": ([("half", 50), ("a third", 33.3)], [("half", 50), ("two-thirds", 66.7)]),
    "A占近半，B占三成半，其余为C": ([("近半", 50), ("三成半", 35)], [("过半", 50), ("五成半", 55)]),
    "A占据W的半壁江山，B占X%，C占Y%": ([("半壁江山", 50), ("三成", 30), ("两成", 20)],
                                  [("半壁江山", 50), ("五成", 50), ("两成", 20)]),
    "one in five said A, three in ten said B and the rest were undecided": (
        [("one in five", 20), ("three in ten", 30)], [("seven in ten", 70), ("two in five", 40)]),
}


def share_case(t: Template, rng: random.Random, true: bool) -> tuple[dict, list]:
    zh = t.lang == "zh"
    names = rng.sample(ZH_PARTS if zh else EN_PARTS, 4)
    slots = {"W": rng.choice(ZH_WHOLES if zh else EN_WHOLES)} | {f"L{i + 1}": n for i, n in enumerate(names)}
    if t.form == "storm":
        n = rng.randint(12, 30)
        each = 50 if not true else 100 // n
        kinds = [f"第{i + 1}类" for i in range(n)]
        slots["LIST"] = "，".join(f"{k}占{each}%" for k in kinds)
        return slots, [("LIST", None, each, k) for k in kinds]
    if t.form == "words":
        words = WORDS.get(t.family, WORDS[t.lang])[0 if true else 1]
        for i, (w, _) in enumerate(words):
            slots[f"P{i + 1}"] = w
        return slots, [(f"P{i + 1}", f"L{i + 1}", v, names[i]) for i, (_, v) in enumerate(words)]
    count = len(re.findall(r"\{P\d\}", t.text))
    if t.form == "rest_unstated":  # the parts leave room for a rest named without a figure (false: they leave none)
        cuts = sorted(rng.sample(range(5, 95), count))
        values = [b - a for a, b in zip([0] + cuts, cuts)]
        if not true:
            values[0] += 100 - sum(values) + rng.choice([2, 5, 12])
        for i, v in enumerate(values):
            slots[f"P{i + 1}"] = rng.choice([f"{v}%", f"{v} percent", f"{v} pct"])
        return slots, [(f"P{i + 1}", f"L{i + 1}", v, names[i]) for i, v in enumerate(values)]
    cuts = sorted(rng.sample(range(5, 95), count - 1))
    values = [b - a for a, b in zip([0] + cuts, cuts + [100])]
    if t.form == "parts" and rng.random() < 0.5:
        values[-1] = max(1, values[-1] - rng.randint(1, 4))  # the parts need not be the whole
    if not true:
        bump = rng.choice([12, 18, 25])
        if t.form == "rest" and rng.random() < 0.5:
            values[-1] = max(1, values[-1] - bump)  # the rest stated too small to reach 100%
        elif values[0] + bump < 99:
            values[0] += bump
        else:  # (one part past the whole alone, 103%, is no sum of parts: the excess goes to the last part)
            values[-1] += bump
    for i, v in enumerate(values):
        text = f"{v}%" if zh else rng.choice([f"{v}%", f"{v} percent", f"{v} per cent", f"{v} pct"])
        slots[f"P{i + 1}"] = text
    return slots, [(f"P{i + 1}", f"L{i + 1}", v, names[i] if i < len(names) else "") for i, v in enumerate(values)]


def _year_of(date: str) -> int | None:
    found = re.search(r"(1[89]\d\d|20\d\d)", date)
    return int(found.group(1)) if found else None


def elapsed_case(t: Template, rng: random.Random, true: bool, year: int, name: str) -> tuple[dict, dict]:
    """`name`: the organisation, one of its own (自1968年成立以来 states when it was founded)."""
    zh = t.lang == "zh"
    n = rng.randint(5, 60)
    y = year - n
    stated = n if true else n + rng.choice([-4, 5, 8])
    slots = {"O": name, "Y": f"{y}年" if zh else str(y),
             "N": f"{stated}年" if zh else f"{stated} years", "NTH": _ordinal(stated)}
    if "{NTH}" in t.text:
        return slots, {"since": ("Y", y, "year"), "elapsed": ("NTH", stated, "years")}
    if "个年头" in t.text or "周年" in t.text:
        slots["N"] = str(stated)
    return slots, {"since": ("Y", y, "year"), "elapsed": ("N", stated, "years")}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def count_case(t: Template, rng: random.Random, true: bool) -> tuple[dict, dict]:
    zh = t.lang == "zh"
    n = 2 if "two" in t.family else rng.randint(3, 5)
    items = rng.sample(ITEM_POOLS[(t.lang, t.form)], n)
    # A、B、C等N家 may name fewer items, 一是……二是…… may go on in the next paragraph: only too many items is false
    fewer_allowed = "等" in t.text or "{ENUM}" in t.text
    stated = n if true else (n - 1 if fewer_allowed else n + rng.choice([1, -1] if n > 2 else [1]))
    slots = {"O": rng.choice(ZH_ORGS if zh else EN_ORGS)}
    if zh:
        counter = next((c for k, c in ZH_COUNTERS.items() if k in t.text), "个")
        word = ZH_NUMBER_WORDS[stated] if rng.random() < 0.6 else str(stated)
        slots["N"] = f"{word}{counter}"
        slots["I"] = "、".join(items[:-1]) + "和" + items[-1] if "等" not in t.text else "、".join(items)
        slots["ENUM"] = "；".join(f"{'一二三四五六'[i]}是{it}" for i, it in enumerate(items))
    else:
        word = EN_NUMBER_WORDS[stated]
        slots["N"] = word.capitalize() if t.text.startswith("{N}") else word
        slots["I"] = ", ".join(items[:-1]) + " and " + items[-1]
    return slots, {"count": ("N", stated, ""), "items": items}


def fact_date(t: Template, rng: random.Random, year: int, month: int, day: int) -> tuple[str, dict]:
    zh = t.lang == "zh"
    if zh:
        if "D日" in t.family:
            return f"{year}年{month}月{day}日", {"value": year, "month": month, "day": day}
        with_month = "M月" in t.family
        text = f"{year}年{month}月" if with_month else f"{year}年"
        return text, {"value": year, **({"month": month} if with_month else {})}
    if "D Month" in t.family:
        return f"{day} {MONTHS[month - 1]} {year}", {"value": year, "month": month, "day": day}
    if "Month Y" in t.family:
        return f"{MONTHS[month - 1]} {year}", {"value": year, "month": month}
    return str(year), {"value": year}


# --- planting into real paragraphs ---------------------------------------------------------------

def host_paragraphs(corpus: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Real paragraphs to plant into, by language: (article id, date, text), 80 to 600 characters."""
    out: dict[str, list] = {"zh": [], "en": []}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for text in record["body"].split("\n\n"):
            if 80 <= len(text) <= 600 and record.get("lang") in out:
                out[record["lang"]].append((record["id"], record.get("date", ""), text))
    return out


def plant(host: str, sentence: str, rng: random.Random, lang: str, close: bool = False) -> tuple[str, int]:
    """The host paragraph with the sentence put after one of its sentences; where the sentence begins. `close`: end
    the sentence before with a full stop where the host left it open (a paragraph cut short, a heading)."""
    at = rng.choice([e for _, e in sentences(host)])
    before, after = host[:at].rstrip(), host[at:].lstrip()
    if close and before and not re.search(r"[。！？.!?][”\"’')）]*$", before):
        before += "。" if lang == "zh" else "."
    space = " " if lang == "en" else ""
    text = before + space + sentence + (space + after if after else "")
    return text, len(before) + len(space)


def _shift(value: dict, by: int) -> dict:
    return {**value, "start": value["start"] + by, "end": value["end"] + by}


def generate(corpus: Path, per_template: int = 6, seed: int = 7,
             taken: frozenset[str] = frozenset()) -> tuple[list[dict], list[dict]]:
    """Documents ({id, lang, body, date}) and their labels: per template, true and false versions. Planted facts
    bear none of the names in `taken` (those the labelled documents of the same run give dates)."""
    rng = random.Random(seed)
    hosts = host_paragraphs(corpus)
    docs, labels = [], []
    used: set[str] = set(taken)
    namer = random.Random(seed + 1)  # names drawn apart, so that the cases drawn from rng stay as they were
    for ti, t in enumerate(TEMPLATES):
        for k in range(per_template):
            true = k % 2 == 0
            doc_id = f"gen-{t.type}-{t.lang}-{ti:02d}-{k}"
            source, date, host = rng.choice(hosts[t.lang])
            if t.type == "fact":
                docs_, labels_ = _fact_docs(t, rng, true, doc_id, hosts[t.lang], (namer, used))
                docs += docs_
                labels += labels_
                continue
            label = {"id": doc_id, "source": "generated", "doc": doc_id, "lang": t.lang, "type": t.type,
                     "family": t.family, "verdict": "holds" if true else "fails", "based_on": source}
            if t.type == "growth":
                slots, fields = growth_case(t, rng, true)
            elif t.type == "share":
                slots, parts = share_case(t, rng, true)
            elif t.type == "elapsed":
                year = _year_of(date) or 2020
                slots, fields = elapsed_case(t, rng, true, year, fact_entity(t.lang, False, namer, used))
            else:
                slots, fields = count_case(t, rng, true)
            sentence, where = render(t.text, slots)
            sentence = sentence[:1].upper() + sentence[1:]  # a sentence begins with a capital
            if t.fullwidth:
                sentence = sentence.translate(_FULLWIDTH)
            if t.type == "share":
                label |= _share_fields(t, sentence, where, parts, slots)
            else:
                for name, spec in fields.items():
                    if name == "items":
                        label["items"] = spec
                        continue
                    slot, value, unit, *kind = spec
                    label[name] = _value(slot, where, sentence, value, unit)
                    if kind:
                        label[name] |= {"kind": kind[0], "direction": kind[1]}
            body, at = plant(host, sentence, rng, t.lang)
            values = [v for v in (label.get(n) for n in ("start_value", "end_value", "change", "delta", "since",
                                                        "elapsed", "count")) if v] + label.get("parts", [])
            for name in ("start_value", "end_value", "change", "delta", "since", "elapsed", "count"):
                if name in label:
                    label[name] = _shift(label[name], at)
            if "parts" in label:
                label["parts"] = [_shift(p, at) for p in label["parts"]]
            spans = [(v["start"] + at, v["end"] + at) for v in values]
            label["start"], label["end"] = min(s for s, _ in spans), max(e for _, e in spans)
            if t.type == "elapsed":
                label["reference_year"] = _year_of(date)
            docs.append({"id": doc_id, "lang": t.lang, "body": body, "date": date, "template": ti})
            labels.append(label)
    return docs, labels


def _share_fields(t: Template, sentence: str, where: dict, parts: list, slots: dict) -> dict:
    if t.form == "storm":
        values = []
        for m in re.finditer(r"占(\d+)%", sentence):
            values.append({"surface": m.group(1) + "%", "start": m.start(1), "end": m.end(), "value": float(m.group(1)),
                           "unit": "%"})
        return {"parts": values, "whole": slots["W"], "exhaustive": False}
    values = []
    for slot, label_slot, v, name in parts:
        values.append(_value(slot, where, sentence, v, "%") | {"label": name})
    return {"parts": values, "whole": slots["W"], "exhaustive": t.form in ("rest", "rest_unstated")}


def fact_entity(lang: str, person: bool, rng: random.Random, used: set[str]) -> str:
    """A name no other planted fact of the run bears: a person's (王建华, Maria Kowalski) or an organisation's."""
    if lang == "zh":
        parts = (ZH_SURNAMES, ZH_GIVEN) if person else (ZH_BRANDS, ZH_ORG_KINDS)
        joiner = ""
    else:
        parts = (EN_FIRST, EN_LAST) if person else (EN_BRANDS, EN_ORG_KINDS)
        joiner = " "
    for _ in range(1000):  # a random draw is almost always new; the pool is walked only when nearly used up
        name = joiner.join(rng.choice(part) for part in parts)
        if name not in used:
            break
    else:
        left = [joiner.join(combo) for combo in itertools.product(*parts) if joiner.join(combo) not in used]
        if not left:
            raise ValueError(f"every {lang} {'person' if person else 'organisation'} name of the generator is taken: "
                             "add names to its pools or plant fewer facts")
        name = rng.choice(left)
    used.add(name)
    return name


def _fact_docs(t: Template, rng: random.Random, true: bool, doc_id: str, hosts: list,
               names: tuple[random.Random, set[str]]) -> tuple[list, list]:
    """A fact stated in two paragraphs of one article: the same date (true) or two dates (false). The entity's name is
    its own (`names`: the generator of names and the names taken), so the pair is its only pair of statements."""
    zh = t.lang == "zh"
    person = t.form in ("born", "died", "took_office", "left_office")
    entity = fact_entity(t.lang, person, *names)
    year, month, day = rng.randint(1950, 2015), rng.randint(1, 12), rng.randint(1, 28)
    same = [x for x in TEMPLATES if x.type == "fact" and x.lang == t.lang and x.form == t.form and x is not t]
    other = rng.choice(same) if same else t
    second_year = year if true else year + rng.choice([-3, 2, 5])
    source, date, host1 = rng.choice(hosts)
    _, _, host2 = rng.choice(hosts)
    body_parts, labels = [], []
    offset = 0
    for n, (tt, y, host) in enumerate(((t, year, host1), (other, second_year, host2))):
        date_text, date_fields = fact_date(tt, rng, y, month, day)
        if tt.fullwidth:
            date_text = date_text.translate(_FULLWIDTH)
        surname = entity[0] if zh else entity.split()[-1]
        pronoun = "She" if entity.split()[0] in EN_WOMEN else "He"
        sentence, where = render(tt.text, {"E": entity, "DATE": date_text, "SN": surname, "PRON": pronoun,
                                           "PRON_LOWER": pronoun.lower(), "END": str(y + 70)})
        text, at = plant(host, sentence, rng, t.lang, close=True)
        s, e = where["DATE"]
        labels.append({"id": f"{doc_id}-{n}", "source": "generated", "doc": doc_id, "lang": t.lang, "type": "fact",
                       "family": tt.family, "verdict": "holds" if true else "fails", "based_on": source,
                       "entity": entity, "entity_kind": "person" if person else "organisation", "event": t.form,
                       "date": {"surface": date_text, "start": offset + at + s, "end": offset + at + e, **date_fields,
                                "unit": "date"},
                       "start": offset + at + s, "end": offset + at + e})
        body_parts.append(text)
        offset += len(text) + 2
    return [{"id": doc_id, "lang": t.lang, "body": "\n\n".join(body_parts), "date": date}], labels
