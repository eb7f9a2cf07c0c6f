#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts the real reports of a corpus folder the ways reports reach reviewers as text.

usage: convert.py SRC OUT [NODE_MODULES_DIR]

Every HTML page of SRC goes through w3m -dump (box-drawn grid), lynx -dump, pandoc to GitHub
Markdown (merged-cell tables stay HTML <table>s), Python's html2text, and an emulated browser
copy (tab-separated, fused, and one cell per line); with NODE_MODULES_DIR (npm packages
html-to-text, turndown, turndown-plugin-gfm, pdf-parse) also html-to-text and turndown. Every
PDF goes through pdftotext (-layout, -raw and its default mode), pdfminer.six, PyMuPDF and, with
NODE_MODULES_DIR, pdf-parse (pdf.js). A tool that is not installed is skipped. Each conversion
NAME~TOOL.txt gets its report's answer with the new file name, so score.py can score it.

tests/data/conversions holds a selection, made on Debian 12 (w3m 0.5.3, lynx 2.9, pandoc
2.17, poppler-utils 22.02, python3-html2text 2020.1.16, python3-pdfminer 20221105,
python3-fitz 1.21, npm pdf-parse 2.4.5); the tests read those files and need none of the
tools."""
import json, os, re, shutil, subprocess, sys
from html.parser import HTMLParser

SRC, OUT = sys.argv[1], sys.argv[2]
NODE = sys.argv[3] if len(sys.argv) > 3 else None
PY = '/usr/bin/python3'  # Debian's python3-* packages
os.makedirs(OUT, exist_ok=True)


class Copy(HTMLParser):
    """What a browser's select-all and copy gives: cells separated by `sep`, rows on lines."""
    def __init__(self, sep='\t'):
        super().__init__(); self.out = []; self.sep = sep; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style', 'head'): self.skip += 1
        if tag in ('tr', 'p', 'div', 'br', 'h1', 'h2', 'h3', 'li', 'table'): self.out.append('\n')
        if tag in ('td', 'th'): self.out.append(self.sep)
    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'head'): self.skip -= 1
    def handle_data(self, data):
        if self.skip <= 0: self.out.append(re.sub(r'\s+', ' ', data))
    def text(self):
        return re.sub(r'\n[ \t]*\n+', '\n', ''.join(self.out))


def run(cmd, stdin=None):
    if not shutil.which(cmd[0]):
        return None
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    return p.stdout if p.returncode == 0 and p.stdout.strip() else None


def node(script, path):
    if not NODE:
        return None
    env = dict(os.environ, NODE_PATH=NODE)
    p = subprocess.run(['node', '-e', script, path], capture_output=True, timeout=120, env=env)
    return p.stdout if p.returncode == 0 else None


NODE_HTT = "const {convert}=require('html-to-text');process.stdout.write(convert(require('fs').readFileSync(process.argv[1],'utf8'),{wordwrap:false}))"
NODE_TD = "const T=require('turndown');const {gfm}=require('turndown-plugin-gfm');const t=new T();t.use(gfm);process.stdout.write(t.turndown(require('fs').readFileSync(process.argv[1],'utf8')))"
NODE_PDF = "const {PDFParse}=require('pdf-parse');(async()=>{const p=new PDFParse({data:require('fs').readFileSync(process.argv[1])});process.stdout.write((await p.getText()).text)})()"


def variants(path):
    raw = open(path, 'rb').read()
    if path.endswith('.html'):
        html = raw.decode('utf-8', 'replace')
        yield 'w3m', run(['w3m', '-dump', '-T', 'text/html', '-I', 'utf-8', '-O', 'utf-8', '-cols', '200'], raw)
        yield 'lynx', run(['lynx', '-dump', '-stdin', '-nolist', '-display_charset=utf-8', '-assume_charset=utf-8', '-width=200'], raw)
        yield 'pmd', run(['pandoc', '-f', 'html', '-t', 'gfm', '--wrap=none'], raw)
        yield 'h2tpy', run([PY, '-c', 'import html2text,sys; h=html2text.HTML2Text(); h.body_width=0; sys.stdout.write(h.handle(open(sys.argv[1],encoding="utf-8").read()))', path])
        yield 'htt', node(NODE_HTT, path)
        yield 'td', node(NODE_TD, path)
        for name, sep in (('copy', '\t'), ('fused', ''), ('lines', '\n')):
            c = Copy(sep); c.feed(html); yield name, c.text().encode()
    elif path.endswith('.pdf'):
        yield 'pdflayout', run(['pdftotext', '-layout', '-enc', 'UTF-8', path, '-'])
        yield 'pdfraw', run(['pdftotext', '-raw', '-enc', 'UTF-8', path, '-'])
        yield 'pdfplain', run(['pdftotext', '-enc', 'UTF-8', path, '-'])
        yield 'pdfminer', run([PY, '-c', 'from pdfminer.high_level import extract_text; import sys; sys.stdout.write(extract_text(sys.argv[1]))', path])
        yield 'mupdf', run([PY, '-c', 'import fitz,sys; d=fitz.open(sys.argv[1]); sys.stdout.write("".join(p.get_text() for p in d))', path])
        yield 'pdfparse', node(NODE_PDF, path)


for f in sorted(os.listdir(SRC)):
    if not (f.endswith('.html') or f.endswith('.pdf')):
        continue
    base = f.rsplit('.', 1)[0]
    answer = json.load(open(os.path.join(SRC, base + '.json'), encoding='utf-8'))
    for name, data in variants(os.path.join(SRC, f)):
        if data is None:
            continue
        out = f'{base}~{name}.txt'
        open(os.path.join(OUT, out), 'wb').write(data)
        converted = dict(answer, file=out)
        json.dump(converted, open(os.path.join(OUT, f'{base}~{name}.json'), 'w', encoding='utf-8'),
                  ensure_ascii=False, indent=1)
