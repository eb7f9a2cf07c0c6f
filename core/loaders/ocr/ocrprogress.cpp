// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocrprogress.h"

namespace nianbao {

namespace {

thread_local const OcrProgress::Callback *t_current = nullptr;

} // namespace

void OcrProgress::report(int page, int pages)
{
    if (t_current && *t_current)
        (*t_current)(page, pages);
}

OcrProgress::Scope::Scope(Callback callback)
    : m_callback(std::move(callback))
    , m_previous(t_current)
{
    t_current = &m_callback;
}

OcrProgress::Scope::~Scope()
{
    t_current = m_previous;
}

} // namespace nianbao
