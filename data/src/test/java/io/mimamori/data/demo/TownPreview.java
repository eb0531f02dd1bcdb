package io.mimamori.data.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws the town's land (shaded by elevation), rivers, roads, sample homes and the flood zones to a
 * PNG, for a person to look at while changing the generator. Not a test; run its main from the IDE.
 */
final class TownPreview {
  private TownPreview() {}

  public static void main(String[] args) throws Exception {
    TownGeography geo = new TownGeography(TownFrame.NUMAZU, DemoTownSpec.DEFAULT_SEED, List.of());
    RoadNetworkBuilder b = new RoadNetworkBuilder(geo, DemoTownSpec.DEFAULT_SEED);
    RoadNetwork net = b.build();
    List<Geometry> flood = HazardGenerator.generate(geo, DemoTownSpec.DEFAULT_SEED, 1.0, List.of()).stream()
        .filter(z -> z.type().code().equals(args.length > 0 ? args[0] : "flood"))
        .map(z -> geo.frame.toLocal(z.geometry())).toList();
    draw(geo, net, b.homes(), flood, Path.of(args.length > 1 ? args[1] : "target/town-preview.png"));
  }

  static void draw(TownGeography geo, RoadNetwork net, HomeSampler homes, List<Geometry> zones, Path png) throws Exception {
    int w = 1000, h = (int) (1000 * geo.height / geo.width);
    double k = w / geo.width;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(170, 200, 240));
    g.fillRect(0, 0, w, h);
    for (int py = 0; py < h; py += 4) {
      for (int px = 0; px < w; px += 4) {
        double x = px / k, y = (h - py) / k;
        if (geo.isLand(x, y)) {
          int e = (int) Math.min(255, geo.elevation(x, y));
          g.setColor(new Color(Math.max(0, 230 - e / 2), Math.max(0, 240 - e), Math.max(0, 200 - e / 2)));
          g.fillRect(px, py, 4, 4);
        }
      }
    }
    if (zones != null) {
      for (Geometry z : zones) {
        g.setColor(new Color(255, 0, 0, 50));
        for (int i = 0; i < z.getNumGeometries(); i++) {
          Polygon p = (Polygon) z.getGeometryN(i);
          Path2D path = new Path2D.Double();
          Coordinate[] cs = p.getExteriorRing().getCoordinates();
          path.moveTo(cs[0].x * k, h - cs[0].y * k);
          for (Coordinate c : cs) {
            path.lineTo(c.x * k, h - c.y * k);
          }
          g.fill(path);
        }
      }
    }
    for (RoadNetwork.Way way : net.ways) {
      String hw = way.tag("highway");
      if (way.tag("waterway") != null) {
        g.setColor(Color.BLUE);
        g.setStroke(new BasicStroke(3));
      } else if (way.tag("natural") != null) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
      } else if (way.tag("bridge") != null) {
        g.setColor(Color.MAGENTA);
        g.setStroke(new BasicStroke(3));
      } else if (hw.equals("trunk") || hw.equals("primary")) {
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2.5f));
      } else if (hw.equals("secondary") || hw.equals("tertiary")) {
        g.setColor(Color.ORANGE.darker());
        g.setStroke(new BasicStroke(1.8f));
      } else if (hw.equals("footway") || hw.equals("steps")) {
        g.setColor(Color.GREEN.darker());
        g.setStroke(new BasicStroke(1));
      } else {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
      }
      int[] ns = way.nodes();
      for (int i = 0; i + 1 < ns.length; i++) {
        g.drawLine((int) (net.x(ns[i]) * k), (int) (h - net.y(ns[i]) * k), (int) (net.x(ns[i + 1]) * k),
            (int) (h - net.y(ns[i + 1]) * k));
      }
    }
    if (homes != null) {
      g.setColor(Color.BLACK);
      SplittableRandom r = new SplittableRandom(1);
      for (int i = 0; i < 3000; i++) {
        double[] p = homes.sample(r);
        g.fillRect((int) (p[0] * k), (int) (h - p[1] * k), 2, 2);
      }
    }
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }
}
