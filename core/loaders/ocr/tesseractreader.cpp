// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tesseractreader.h"

#include "ocrlimits.h"

#include "pixptr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <dlfcn.h>

#include <algorithm>

namespace nianbao {

namespace {

/** Tesseract's languages: the reports are Chinese, with Latin letters in names and codes. */
constexpr char kLanguages[] = "chi_sim+eng";

QString takeText(const char *text)
{
    QString read = QString::fromUtf8(text);
    delete[] text;
    return read.trimmed();
}

/** The least confidence of the digits the iterator's page holds; -1 if it holds none. */
int leastDigitConfidence(tesseract::ResultIterator *symbols)
{
    int least = -1;
    if (!symbols)
        return least;
    do {
        const QString symbol = takeText(symbols->GetUTF8Text(tesseract::RIL_SYMBOL));
        if (symbol.isEmpty() || !symbol.front().isDigit())
            continue;
        const int confidence = int(symbols->Confidence(tesseract::RIL_SYMBOL));
        least = least < 0 ? confidence : std::min(least, confidence);
    } while (symbols->Next(tesseract::RIL_SYMBOL));
    return least;
}

/**
 * Keeps Tesseract to the thread that calls it. Its OpenMP loops start threads for each tiny
 * step of a line: reading a report page took 10 s of CPU, most in futex waits, against 2.2 s
 * with one thread, and files are read in parallel anyway. OpenMP's thread limit is read from
 * the environment at start-up only; the team size and the active levels are set per thread
 * (each thread has its own), so every thread that reads calls this: set once, for the first
 * thread only, two reading threads took 2.4 times as long as one. Looked up at run time: a
 * Tesseract built without OpenMP has no such calls.
 */
void keepTesseractSingleThreaded()
{
    using SetInt = void (*)(int);
    static const auto setThreads
        = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    static const auto setLevels
        = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
    if (setThreads)
        setThreads(1);
    if (setLevels)
        setLevels(0);
}

} // namespace

TesseractReader::TesseractReader()
    : m_api(std::make_unique<tesseract::TessBaseAPI>())
{
    keepTesseractSingleThreaded();
    // Tesseract's data is where Debian's tesseract-ocr-* packages put it, or at
    // TESSDATA_PREFIX; its diagnostics go nowhere (the errors Nianbao gives say what failed).
    m_ready = m_api->Init(nullptr, kLanguages, tesseract::OEM_LSTM_ONLY) == 0;
    if (!m_ready)
        return;
    m_api->SetVariable("debug_file", "/dev/null");
    m_api->SetVariable("user_defined_dpi", QByteArray::number(kOcrDpi).constData());
    m_digits = std::make_unique<tesseract::TessBaseAPI>();
    m_ready = m_digits->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) == 0;
    if (!m_ready)
        return;
    m_digits->SetVariable("debug_file", "/dev/null");
    m_digits->SetVariable("tessedit_char_whitelist", "0123456789.");
}

TesseractReader::~TesseractReader() = default;

TesseractReader *TesseractReader::forThisThread()
{
    thread_local TesseractReader reader;
    return reader.m_ready ? &reader : nullptr;
}

void TesseractReader::setPage(Pix *image)
{
    m_api->SetImage(image);
    m_api->SetSourceResolution(kOcrDpi);
}

OcrReading TesseractReader::readBox(const QRect &box, Layout layout)
{
    m_api->SetPageSegMode(layout == Layout::Line ? tesseract::PSM_SINGLE_LINE
                                                 : tesseract::PSM_SINGLE_BLOCK);
    m_api->SetRectangle(box.x(), box.y(), box.width(), box.height());
    OcrReading reading {takeText(m_api->GetUTF8Text()), box, -1};
    if (reading.text.isEmpty())
        return reading;
    std::unique_ptr<tesseract::ResultIterator> symbols(m_api->GetIterator());
    reading.confidence = leastDigitConfidence(symbols.get());
    if (reading.confidence < 0)
        reading.confidence = m_api->MeanTextConf();
    return reading;
}

OcrReading TesseractReader::readFigure(Pix *figure)
{
    m_digits->SetImage(figure);
    m_digits->SetSourceResolution(kOcrDpi);
    OcrReading reading;
    // Read as a line, a lone narrow digit (1, 7) is sometimes not seen; as a word or a
    // character it is.
    for (const auto layout :
         {tesseract::PSM_SINGLE_LINE, tesseract::PSM_SINGLE_WORD, tesseract::PSM_SINGLE_CHAR}) {
        m_digits->SetPageSegMode(layout);
        reading.text = takeText(m_digits->GetUTF8Text());
        reading.text.remove(u' ');
        if (!reading.text.isEmpty())
            break;
    }
    if (reading.text.isEmpty())
        return reading;
    std::unique_ptr<tesseract::ResultIterator> symbols(m_digits->GetIterator());
    reading.confidence = leastDigitConfidence(symbols.get());
    return reading;
}

QList<OcrReading> TesseractReader::readLines()
{
    QList<OcrReading> lines;
    m_api->SetPageSegMode(tesseract::PSM_AUTO);
    if (m_api->Recognize(nullptr) != 0)
        return lines;
    std::unique_ptr<tesseract::ResultIterator> it(m_api->GetIterator());
    if (!it)
        return lines;
    do {
        int left = 0, top = 0, right = 0, bottom = 0;
        if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom))
            continue;
        OcrReading line {takeText(it->GetUTF8Text(tesseract::RIL_TEXTLINE)),
                         QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)),
                         int(it->Confidence(tesseract::RIL_TEXTLINE))};
        if (!line.text.isEmpty())
            lines.append(line);
    } while (it->Next(tesseract::RIL_TEXTLINE));
    return lines;
}

} // namespace nianbao
