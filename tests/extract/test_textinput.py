"""Reading what users hand in: encodings, HTML, Markdown, datelines and bad input."""

from __future__ import annotations

import pytest

from coopnode.extract.errors import ExtractionInputError
from coopnode.extract.textinput import detect_format, read_input, split_dateline

RU = ("Заместитель Министра связи и информатизации Республики Беларусь провел встречу с "
      "делегацией города Урумчи. Стороны обсудили цифровые проекты и подготовку кадров.")
ZH = "工业和信息化部与厦门市人民政府签署合作协议,共建金砖国家新工业革命伙伴关系创新基地。"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r"])
def test_russian_in_legacy_encodings_comes_out_right(encoding):
    assert read_input(RU.encode(encoding)).text == RU


def test_chinese_in_gb18030_comes_out_right():
    assert read_input((ZH * 3).encode("gb18030")).text == ZH * 3


def test_html_boilerplate_is_removed_and_the_date_read_from_metadata():
    body = "<p>" + RU + "</p>"
    html = ("<html><head><title>Новость</title>"
            '<meta property="article:published_time" content="2026-06-05"></head>'
            "<body><nav><a href='/'>Главная</a><a href='/news'>Новости</a></nav>"
            f"<article>{body * 3}</article><footer>Все права защищены</footer></body></html>")
    document = read_input(html.encode("utf-8"))
    assert document.format == "html"
    assert "провел встречу" in document.text
    assert "<p>" not in document.text and "Все права защищены" not in document.text
    assert document.published == "2026-06-05"


def test_markdown_markup_is_stripped_and_the_heading_is_the_title():
    markdown = "## **Встреча в Минсвязи**\n\n" + RU + "\n\n---\n\n### **Источник:**\n\n<https://example.org>\n"
    document = read_input(markdown)
    assert document.format == "markdown"
    assert document.title == "Встреча в Минсвязи"
    assert "**" not in document.text and "##" not in document.text
    assert RU in document.text


def test_a_dateline_is_used_and_removed():
    document = read_input("date 2024-09-12\n" + RU)
    assert document.published == "2024-09-12"
    assert document.text.startswith("Заместитель")


def test_a_date_line_in_another_form_is_not_a_dateline():
    text, date = split_dateline("Дата: 2024-09-12\n" + RU)
    assert date is None and text.startswith("Дата")


@pytest.mark.parametrize(("data", "word"), [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    ("", "empty"),
    (b"PK\x03\x04\x00\x00\x08\x00binary", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_unreadable_input_raises_a_one_line_error(data, word):
    with pytest.raises(ExtractionInputError) as raised:
        read_input(data)
    message = str(raised.value)
    assert word in message and "\n" not in message


def test_format_sniffing():
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_format("# Title\n\nSome **bold** text") == "markdown"
    assert detect_format(RU) == "text"
    assert detect_format(RU, "text/html") == "html"


def test_a_headline_is_the_title_but_a_time_stamp_is_not():
    assert read_input("Встреча в Минсвязи\n\n" + RU).title == "Встреча в Минсвязи"
    assert read_input("12.09.2024 15:37\n" + RU).title is None
