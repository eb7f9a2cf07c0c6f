// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace nianbao {

/**
 * Who hears, on this thread, which page OCR reads: OCR takes seconds a page, so the importer
 * names the page of the file it is reading. Loaders call report() as each page's OCR begins;
 * without a Scope on the thread it does nothing.
 */
class OcrProgress final
{
public:
    /** `page` counts from 1; `pages` is 0 while the file's page count is not known. */
    using Callback = std::function<void(int page, int pages)>;

    static void report(int page, int pages);

    /** Installs `callback` for this thread while it lives. */
    class Scope final
    {
    public:
        explicit Scope(Callback callback);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        Callback m_callback;
        const Callback *m_previous;
    };
};

} // namespace nianbao
