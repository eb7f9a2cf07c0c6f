# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries every compile setting; each target links it.
add_library(nianbao_settings INTERFACE)
target_compile_features(nianbao_settings INTERFACE cxx_std_20)
target_compile_definitions(nianbao_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(nianbao_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
if(NIANBAO_WERROR)
  target_compile_options(nianbao_settings INTERFACE -Werror)
endif()
if(NIANBAO_SANITIZE)
  list(JOIN NIANBAO_SANITIZE "," sanitizers)
  target_compile_options(nianbao_settings INTERFACE -fsanitize=${sanitizers} -fno-omit-frame-pointer)
  target_link_options(nianbao_settings INTERFACE -fsanitize=${sanitizers})
  # UBSan only prints and carries on by default; make a report abort, so the test fails.
  if("undefined" IN_LIST NIANBAO_SANITIZE)
    target_compile_options(nianbao_settings INTERFACE -fno-sanitize-recover=undefined)
    target_link_options(nianbao_settings INTERFACE -fno-sanitize-recover=undefined)
  endif()
endif()
