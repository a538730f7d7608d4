#!/bin/sh
# Redraws the kernelspec's PNG logos from logo-svg.svg with ImageMagick. The PNGs are committed,
# so installing needs no ImageMagick; run this after changing the SVG.
set -eu
cd "$(dirname "$0")"
for size in 32 64; do
    convert -background none -density 384 logo-svg.svg -resize "${size}x${size}" -depth 8 -strip "logo-${size}x${size}.png"
done
