#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts the real reports of a corpus folder the ways reports reach reviewers as text.

usage: convert.py SRC OUT

Every HTML page of SRC goes through w3m -dump (box-drawn grid), lynx -dump, pandoc to GitHub
Markdown (merged-cell tables stay HTML <table>s) and an emulated browser copy (tab-separated,
fused and one cell per line); every PDF through pdftotext -layout, -raw and its default mode.
Each conversion gets its report's answer with the new file name, so score.py can score it.
tests/data/conversions holds a selection of these, made on Debian 12 (w3m, lynx, pandoc
2.17, poppler-utils 22.02); the tests read those and need none of the tools."""
import json, os, subprocess, sys, re, html
from html.parser import HTMLParser
SRC, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)

class Copy(HTMLParser):
    """What a browser's select-all + copy gives: cells tab-separated, rows on lines."""
    def __init__(s, cellsep='\t'):
        super().__init__(); s.out=[]; s.sep=cellsep; s.skip=0
    def handle_starttag(s, t, a):
        if t in ('script','style','head'): s.skip+=1
        if t in ('tr','p','div','br','h1','h2','h3','li','table'): s.out.append('\n')
        if t in ('td','th'): s.out.append(s.sep)
    def handle_endtag(s, t):
        if t in ('script','style','head'): s.skip-=1
    def handle_data(s, d):
        if s.skip<=0: s.out.append(re.sub(r'\s+',' ',d))
    def text(s):
        t=''.join(s.out); t=re.sub(r'\n[ \t]*\n+','\n',t); return t

def run(cmd, inp=None):
    return subprocess.run(cmd, input=inp, capture_output=True, timeout=60).stdout

def variants(path):
    raw = open(path,'rb').read()
    if path.endswith('.html'):
        txt = raw.decode('utf-8', 'replace')
        yield 'w3m', run(['w3m','-dump','-T','text/html','-I','utf-8','-O','utf-8','-cols','200'], raw)
        yield 'lynx', run(['lynx','-dump','-stdin','-nolist','-display_charset=utf-8','-assume_charset=utf-8','-width=200'], raw)
        yield 'pmd', run(['pandoc','-f','html','-t','gfm','--wrap=none'], raw)
        c=Copy(); c.feed(txt); yield 'copy', c.text().encode()
        c=Copy(''); c.feed(txt); yield 'fused', c.text().encode()
        c=Copy('\n'); c.feed(txt); yield 'lines', c.text().encode()
    elif path.endswith('.pdf'):
        yield 'pdflayout', run(['pdftotext','-layout','-enc','UTF-8',path,'-'])
        yield 'pdfraw', run(['pdftotext','-raw','-enc','UTF-8',path,'-'])
        yield 'pdfplain', run(['pdftotext','-enc','UTF-8',path,'-'])

for f in sorted(os.listdir(SRC)):
    if not (f.endswith('.html') or f.endswith('.pdf')): continue
    base = f.rsplit('.',1)[0]
    ans = json.load(open(os.path.join(SRC, base + '.json')))
    for name, data in variants(os.path.join(SRC, f)):
        out = f'{base}~{name}.txt'
        open(os.path.join(OUT, out),'wb').write(data)
        a = dict(ans); a['file'] = out
        json.dump(a, open(os.path.join(OUT, f'{base}~{name}.json'),'w'), ensure_ascii=False, indent=1)
